import type { CartItem } from '@sauda/contracts';
import { describe, expect, it } from 'vitest';
import { groupBySeller, maxQuantity, noticesOf, priceWentDown } from './cart-view.ts';

const kzt = (amount: number) => ({ amount, currency: 'KZT' as const });
const item = (over: Partial<CartItem>): CartItem => ({
  id: 'i1',
  variantId: 'v1',
  productId: 'p1',
  sellerId: 's1',
  title: 'Kettle',
  sku: 'K-1',
  imageUrl: null,
  quantity: 1,
  unitPrice: kzt(100_00),
  compareAt: null,
  total: kzt(100_00),
  available: true,
  notices: [],
  ...over,
});

describe('cart line notices', () => {
  it.each([
    [{ code: 'price_changed' as const, previousPrice: kzt(90_00) }, 'notices.price_changed', 'info'],
    [{ code: 'low_stock' as const, available: 2 }, 'notices.low_stock', 'warning'],
    [{ code: 'quantity_reduced' as const, available: 1 }, 'notices.quantity_reduced', 'warning'],
    [{ code: 'unavailable' as const }, 'notices.unavailable', 'error'],
  ])('a %o notice reads as %s with tone %s', (notice, key, tone) => {
    const [view] = noticesOf(item({ notices: [notice], available: notice.code !== 'unavailable' }));
    expect(view).toMatchObject({ key, tone });
  });

  it('carries the previous price and the units left into the message values', () => {
    const views = noticesOf(
      item({
        notices: [
          { code: 'price_changed', previousPrice: kzt(90_00) },
          { code: 'low_stock', available: 2 },
        ],
      }),
    );
    expect(views.map((view) => view.values)).toEqual([{ previous: kzt(90_00) }, { available: 2 }]);
  });

  it('says only "no longer available" for an unavailable line, even without a notice', () => {
    const views = noticesOf(item({ available: false, notices: [{ code: 'low_stock', available: 0 }] }));
    expect(views.map((view) => view.key)).toEqual(['notices.unavailable']);
  });

  it('tells a price drop from a rise', () => {
    const notices = [{ code: 'price_changed' as const, previousPrice: kzt(120_00) }];
    expect(priceWentDown(item({ notices }))).toBe(true);
    expect(priceWentDown(item({ notices, unitPrice: kzt(130_00) }))).toBe(false);
    expect(priceWentDown(item({}))).toBe(false);
  });
});

describe('cart grouping', () => {
  it('groups lines per seller in the order of their first line, keeping every line once', () => {
    const items = [
      item({ id: 'a', sellerId: 's2' }),
      item({ id: 'b', sellerId: 's1' }),
      item({ id: 'c', sellerId: 's2' }),
    ];
    const sellers = [
      { sellerId: 's1', sellerName: 'One', subtotal: kzt(1), discount: kzt(0), total: kzt(1), vat: kzt(0) },
      { sellerId: 's2', sellerName: 'Two', subtotal: kzt(2), discount: kzt(0), total: kzt(2), vat: kzt(0) },
    ];
    const groups = groupBySeller({ items, sellers });
    expect(groups.map((g) => [g.sellerName, g.items.map((i) => i.id)])).toEqual([
      ['Two', ['a', 'c']],
      ['One', ['b']],
    ]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(items.length);
  });

  it('caps the stepper at the units left', () => {
    expect(maxQuantity(item({ notices: [{ code: 'low_stock', available: 3 }] }))).toBe(3);
    expect(maxQuantity(item({}))).toBe(999);
  });
});
