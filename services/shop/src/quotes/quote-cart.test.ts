import { DEMO_IDS, demoProductId, demoVariantId, type Quote } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCommerceDemo } from '../demo/seed-commerce.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { storeVariantLevel } from '../data/stock-repo.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('cart quotes', () => {
  let t: ShopTestApp;
  let customer: string;
  let price1: number;
  let price10: number;

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    await seedCommerceDemo(t.db.sql);
    customer = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.customer, roles: ['customer'], name: 'Demo Customer' })}`;
    const prices = await t.db.sql<{ id: string; price_amount: string }[]>`
      select id, price_amount from product_variants where id in (${demoVariantId(1)}, ${demoVariantId(10)})`;
    price1 = Number(prices.find((p) => p.id === demoVariantId(1))?.price_amount);
    price10 = Number(prices.find((p) => p.id === demoVariantId(10))?.price_amount);
  });
  afterAll(async () => t.close());

  const quote = async (body: object, url = '/quotes', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: body, headers });

  it('prices lines from the catalog, per seller, with 12 % VAT included', async () => {
    const response = await quote({
      lines: [
        { variantId: demoVariantId(1), quantity: 2 },
        { variantId: demoVariantId(10), quantity: 1 },
      ],
    });
    expect(response.statusCode).toBe(200);
    const q = response.json<Quote>();
    expect(q.total.amount).toBe(price1 * 2 + price10);
    expect(q.sellers).toEqual([
      expect.objectContaining({
        sellerId: DEMO_IDS.seller,
        total: { amount: q.total.amount, currency: 'KZT' },
      }),
    ]);
    expect(q.vat.amount).toBe(Math.round((q.total.amount * 12) / 112));
    expect(q.lines[0]).toMatchObject({
      productId: demoProductId(1),
      sellerId: DEMO_IDS.seller,
      available: true,
    });
    expect(q.allAvailable).toBe(true);
  });

  it('gives each line the units stock last reported, and null before its first report', async () => {
    await storeVariantLevel(t.db.sql, demoVariantId(2), 3, new Date());
    const q = (
      await quote({
        lines: [
          { variantId: demoVariantId(2), quantity: 1 },
          { variantId: demoVariantId(11), quantity: 1 },
        ],
      })
    ).json<Quote>();
    expect(q.lines.map((l) => [l.variantId, l.unitsLeft])).toEqual([
      [demoVariantId(2), 3],
      [demoVariantId(11), null],
    ]);
  });

  it('never reads prices from the client: unknown fields are refused', async () => {
    const response = await quote({ lines: [{ variantId: demoVariantId(1), quantity: 1, price: 1 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('applies a promo code and a gift card and says why another code did not apply', async () => {
    const q = (
      await quote(
        {
          lines: [{ variantId: demoVariantId(1), quantity: 1 }],
          promoCodes: ['welcome10', 'FREESHIP', 'NOSUCH'],
          giftCards: ['demo-gift-2026'],
        },
        '/shop/quote',
        { authorization: customer },
      )
    ).json<Quote>();
    expect(q.promos.map((p) => [p.code, p.applied, p.reason])).toEqual([
      ['welcome10', true, null],
      ['FREESHIP', false, 'PROMO_NOT_STACKABLE'],
      ['NOSUCH', false, 'PROMO_NOT_FOUND'],
    ]);
    expect(q.discount.amount).toBe(Math.floor(price1 / 10));
    expect(q.appliedPromoCodes).toEqual(['WELCOME10']);
    expect(q.giftCardAmount.amount).toBe(Math.min(2_000_000, q.total.amount));
    expect(q.payable.amount).toBe(q.total.amount - q.giftCardAmount.amount);
  });

  it('shows a hidden or archived product as unavailable and leaves it out of the totals', async () => {
    await t.db
      .sql`update products set hidden_at = now(), hidden_reason = 'test' where id = ${demoProductId(10)}`;
    const q = (
      await quote({
        lines: [
          { variantId: demoVariantId(1), quantity: 1 },
          { variantId: demoVariantId(10), quantity: 1 },
        ],
      })
    ).json<Quote>();
    await t.db
      .sql`update products set hidden_at = null, hidden_reason = null where id = ${demoProductId(10)}`;
    expect(q.lines.map((l) => l.available)).toEqual([true, false]);
    expect(q.allAvailable).toBe(false);
    expect(q.total.amount).toBe(price1);
  });

  it('refuses unknown variants and a currency the products are not sold in, with stable codes', async () => {
    const unknown = await quote({
      lines: [{ variantId: '01900000-0000-7000-8000-00000000ffff', quantity: 1 }],
    });
    expect(unknown.json()).toMatchObject({ code: 'VARIANT_NOT_FOUND', status: 422 });
    const usd = await quote({ lines: [{ variantId: demoVariantId(1), quantity: 1 }], currency: 'USD' });
    expect(usd.json()).toMatchObject({ code: 'QUOTE_CURRENCY_UNSUPPORTED' });
  });

  it('quotes a signed-in customer as themselves whatever customerId the body names', async () => {
    await t.db.sql`
      insert into promo_customer_usage (promo_id, customer_id, used)
      select id, ${DEMO_IDS.customer}, 1 from promo_codes where code = 'WELCOME10' on conflict do nothing`;
    const q = (
      await quote(
        {
          lines: [{ variantId: demoVariantId(1), quantity: 1 }],
          promoCodes: ['WELCOME10'],
          customerId: DEMO_IDS.admin,
        },
        '/quotes',
        { authorization: customer },
      )
    ).json<Quote>();
    expect(q.promos[0]?.reason).toBe('PROMO_CUSTOMER_LIMIT_REACHED');
  });

  it('lets only signed-in callers use the public quote route', async () => {
    expect(
      (await quote({ lines: [{ variantId: demoVariantId(1), quantity: 1 }] }, '/shop/quote')).statusCode,
    ).toBe(401);
  });

  it('lets a service (orders) quote, reserve codes and spend gift cards for the customer it names', async () => {
    const service = `Bearer ${await t.tokens.sign({ id: 'orders', roles: ['service'] })}`;
    const body = { lines: [{ variantId: demoVariantId(1), quantity: 1 }], promoCodes: ['WELCOME10'] };
    const asCustomer = (
      await quote({ ...body, customerId: DEMO_IDS.customer }, '/quotes', { authorization: service })
    ).json<Quote>();
    expect(asCustomer.promos[0]?.reason).toBe('PROMO_CUSTOMER_LIMIT_REACHED'); // used once above
    const asOther = (
      await quote({ ...body, customerId: DEMO_IDS.admin }, '/quotes', { authorization: service })
    ).json<Quote>();
    expect(asOther.promos[0]?.applied).toBe(true);
    expect(typeof asOther.lines[0]?.weightGrams).toBe('number');

    const orderId = '01960000-0000-7000-8000-00000000aa01';
    const noCustomer = await quote({ orderId, codes: ['FREESHIP'] }, '/promo-reservations', {
      authorization: service,
    });
    expect(noCustomer.statusCode).toBe(400);
    const reserved = await quote(
      { orderId, codes: ['FREESHIP'], customerId: DEMO_IDS.admin },
      '/promo-reservations',
      {
        authorization: service,
      },
    );
    expect(reserved.json()).toEqual({ reserved: ['FREESHIP'] });
    const [usage] = await t.db.sql<{ customer_id: string }[]>`
      select customer_id from promo_usages where order_id = ${orderId}`;
    expect(usage?.customer_id).toBe(DEMO_IDS.admin);
    const redeemed = await quote(
      {
        customerId: DEMO_IDS.admin,
        code: 'DEMO-GIFT-2026',
        amount: { amount: 100_00, currency: 'KZT' },
        orderId,
        idempotencyKey: `order-${orderId}-gift`,
      },
      '/gift-cards/redemptions',
      { authorization: service },
    );
    expect(redeemed.statusCode).toBe(200);
  });
});
