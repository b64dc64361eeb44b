/**
 * The commerce half's demo data (demo mode only, fixed ids, safe on every start): promo codes, a gift
 * card, the demo customer's delivered purchases (so they may review), reviews with a seller answer, and
 * co-purchase counts so "bought together" has something real to show.
 */
import { DEMO_IDS, demoProductId as pid, demoVariantId } from '@sauda/contracts';
import { withTransaction, type Db, type Tx } from '@sauda/kit';
import { refreshRating } from '../data/reviews-repo.ts';
import { DEMO_CO_PURCHASES, DEMO_REVIEWS } from './commerce-data.ts';

const id = (prefix: string, n: number): string =>
  `01960000-0000-7000-8000-${prefix}${n.toString(16).padStart(12 - prefix.length, '0')}`;

/** Inserts what is missing; returns how many reviews were new. */
export async function seedCommerceDemo(db: Db): Promise<number> {
  return withTransaction(db, async (tx) => {
    await seedPromos(tx);
    await seedGiftCard(tx);
    await seedPurchases(tx);
    for (const [a, b, orders] of DEMO_CO_PURCHASES) {
      await tx`
        insert into co_purchases (product_id, other_id, orders)
        values (${pid(a)}, ${pid(b)}, ${orders}), (${pid(b)}, ${pid(a)}, ${orders})
        on conflict do nothing`;
    }
    let created = 0;
    for (const [n, r] of DEMO_REVIEWS.entries()) {
      const rows = await tx`
        insert into reviews (id, product_id, customer_id, author_name, rating, title, body, answer, answered_at, created_at)
        select ${id('0000000b', n + 1)}, p.id, ${id('0000000a', r.author)}, ${r.name}, ${r.rating}, ${r.title},
               ${r.body}, ${r.answer ?? null}, ${r.answer ? new Date(Date.UTC(2026, 10, 2 + n)) : null},
               ${new Date(Date.UTC(2026, 9, 10 + n))}
        from products p where p.id = ${pid(r.product)}
        on conflict do nothing returning id`;
      created += rows.length;
    }
    if (created > 0)
      for (const product of new Set(DEMO_REVIEWS.map((r) => r.product)))
        await refreshRating(tx, pid(product));
    return created;
  });
}

async function seedPromos(tx: Tx): Promise<void> {
  const electronics = '01900000-0000-7000-8000-0000000c0001';
  const smartphones = '01900000-0000-7000-8000-0000000c0002';
  await tx`
    insert into promo_codes (id, code, kind, percent, amount, currency, min_basket_amount, min_basket_currency,
                             category_ids, per_customer_limit, usage_limit, stackable, description)
    values
      (${id('0000000e', 1)}, 'WELCOME10', 'percentage', 10, null, null, null, null, '{}', 1, null, false,
       '10 % off a first order'),
      (${id('0000000e', 2)}, 'SAUDA5000', 'fixed', null, 500000, 'KZT', 5000000, 'KZT', '{}', null, 1000, true,
       '5 000 ₸ off baskets from 50 000 ₸'),
      (${id('0000000e', 3)}, 'FREESHIP', 'free_shipping', null, null, null, null, null, '{}', null, null, true,
       'Free delivery'),
      (${id('0000000e', 4)}, 'GADGETS15', 'percentage', 15, null, null, null, null,
       ${[electronics, smartphones]}::uuid[], null, 500, false, '15 % off electronics')
    on conflict do nothing`;
}

async function seedGiftCard(tx: Tx): Promise<void> {
  const card = id('0000000f', 1);
  const rows = await tx`
    insert into gift_cards (id, code, currency, initial_amount, balance, note, issued_by)
    values (${card}, 'DEMO-GIFT-2026', 'KZT', 2000000, 2000000, 'Demo gift card', ${DEMO_IDS.admin})
    on conflict do nothing returning id`;
  if (rows.length === 0) return;
  await tx`
    insert into gift_card_ledger (id, gift_card_id, kind, amount, idempotency_key)
    values (${id('000000f1', 1)}, ${card}, 'issue', 2000000, ${`issue:${card}`})`;
}

async function seedPurchases(tx: Tx): Promise<void> {
  // Two delivered orders of the demo customer: an iPhone with AirPods, and tea with honey.
  const orders: Array<[number, number[]]> = [
    [1, [2, 10]],
    [2, [26, 30]],
  ];
  for (const [o, products] of orders) {
    const orderId = id('00000001', o);
    const at = new Date(Date.UTC(2026, 9, 20 + o));
    await tx`
      insert into commerce_orders (order_id, customer_id, placed, confirmed_at, applied_at)
      values (${orderId}, ${DEMO_IDS.customer}, true, ${at}, ${at}) on conflict do nothing`;
    for (const n of products) {
      await tx`
        insert into purchases (order_id, variant_id, product_id, customer_id, quantity, confirmed_at, received_at)
        select ${orderId}, ${demoVariantId(n)}, p.id, ${DEMO_IDS.customer}, 1, ${at}, ${new Date(at.getTime() + 3 * 86_400_000)}
        from products p where p.id = ${pid(n)}
        on conflict do nothing`;
    }
  }
}
