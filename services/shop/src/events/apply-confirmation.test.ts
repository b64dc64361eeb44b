import { DEMO_IDS, OrderConfirmed, OrderPlaced, demoProductId as pid, demoVariantId } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromo } from '../promos/manage-promos.ts';
import { reservePromos } from '../promos/reserve-promos.ts';
import { countWrites } from '../test/count-writes.ts';
import { envelope, placed, recordingLogger } from '../test/commerce-fixtures.ts';
import { createSeededShop, type SeededShop } from '../test/shop-test-app.ts';
import { onOrderConfirmed } from './on-order-confirmed.ts';
import { onOrderPlaced } from './on-order-placed.ts';

describe('a confirmed order is applied once, in as few round trips as its work allows', () => {
  let t: SeededShop;
  // One connection, so each socket write is one round trip and statements stay prepared between orders.
  let one: Db;
  const log = recordingLogger();
  const line = (n: number) => ({ variantId: demoVariantId(n), productId: pid(n), sellerId: DEMO_IDS.seller });
  const placedEvent = (orderId: string, products: number[], codes: string[] = []) =>
    envelope(OrderPlaced, placed(orderId, DEMO_IDS.customer, products.map(line), codes));
  const confirmedEvent = (orderId: string) =>
    envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() });
  const place = (orderId: string, products: number[], codes: string[] = []) =>
    withTransaction(one, (tx) => onOrderPlaced(log)(placedEvent(orderId, products, codes), tx));
  const confirm = (orderId: string) =>
    withTransaction(one, (tx) => onOrderConfirmed(log)(confirmedEvent(orderId), tx));
  const pairs = async (a: number, b: number) =>
    (
      await t.db.sql<{ orders: number }[]>`
        select orders from co_purchases where product_id = ${pid(a)} and other_id = ${pid(b)}`
    )[0]?.orders ?? 0;
  const confirmedLines = async (orderId: string) =>
    (
      await t.db.sql<{ n: number }[]>`
        select count(*)::int as n from purchases where order_id = ${orderId} and confirmed_at is not null`
    )[0]?.n;
  const used = async (code: string) =>
    (await t.db.sql<{ used_count: number }[]>`select used_count from promo_codes where code = ${code}`)[0]
      ?.used_count;

  beforeAll(async () => {
    t = await createSeededShop(1);
    one = t.pool;
  });
  afterAll(async () => t.close());

  it('records a placement in one round trip and applies a confirmation in one', async () => {
    const warm = uuidv7();
    await place(warm, [5, 6]);
    await confirm(warm);
    const orderId = uuidv7();
    // Counted inside the transaction: BEGIN and COMMIT are the consumer's, not the handler's.
    const placing = await withTransaction(one, (tx) =>
      countWrites(tx, () => onOrderPlaced(log)(placedEvent(orderId, [5, 6]), tx)),
    );
    const confirming = await withTransaction(one, (tx) =>
      countWrites(tx, () => onOrderConfirmed(log)(confirmedEvent(orderId), tx)),
    );
    expect([placing, confirming]).toEqual([1, 1]);
    expect(await confirmedLines(orderId)).toBe(2);
    expect(await pairs(5, 6)).toBe(2);
  });

  it('applies an order once when its placement and confirmation share a transaction, in either order', async () => {
    const first = uuidv7();
    const second = uuidv7();
    await withTransaction(one, async (tx) => {
      await onOrderPlaced(log)(placedEvent(first, [7, 8]), tx);
      await onOrderConfirmed(log)(confirmedEvent(first), tx);
      await onOrderConfirmed(log)(confirmedEvent(second), tx);
      await onOrderPlaced(log)(placedEvent(second, [7, 8]), tx);
      // Redelivered under new event ids: the order id keeps them from counting twice.
      await onOrderPlaced(log)(placedEvent(first, [7, 8]), tx);
      await onOrderConfirmed(log)(confirmedEvent(second), tx);
    });
    expect(await pairs(7, 8)).toBe(2);
    expect(await pairs(8, 7)).toBe(2);
    expect(await confirmedLines(first)).toBe(2);
    expect(await confirmedLines(second)).toBe(2);
  });

  it('stores a line repeated in the placement once', async () => {
    const orderId = uuidv7();
    const event = placedEvent(orderId, [9, 9, 10]);
    await withTransaction(one, (tx) => onOrderPlaced(log)(event, tx));
    const [row] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from purchases where order_id = ${orderId}`;
    expect(row?.n).toBe(2);
  });

  it('confirms reserved codes, counts unreserved ones, and reports one over its limit without undoing the rest', async () => {
    await createPromo(t.db.sql, { code: 'HELD', kind: 'percentage', percent: 5, usageLimit: 1 });
    await createPromo(t.db.sql, { code: 'FREE', kind: 'free_shipping', stackable: true });
    await createPromo(t.db.sql, { code: 'GONE', kind: 'percentage', percent: 5, usageLimit: 1 });
    await reservePromos(t.db.sql, { orderId: uuidv7(), customerId: uuidv7(), codes: ['GONE'] });
    const orderId = uuidv7();
    await reservePromos(t.db.sql, { orderId, customerId: DEMO_IDS.customer, codes: ['HELD'] });
    await place(orderId, [11, 12], ['held', 'free', 'gone']);
    await confirm(orderId);
    await confirm(orderId);
    expect([await used('HELD'), await used('FREE'), await used('GONE')]).toEqual([1, 1, 1]);
    const usages = await t.db.sql<{ code: string; status: string }[]>`
      select p.code, u.status from promo_usages u join promo_codes p on p.id = u.promo_id
      where u.order_id = ${orderId} order by p.code`;
    expect(usages).toEqual([
      { code: 'FREE', status: 'confirmed' },
      { code: 'HELD', status: 'confirmed' },
    ]);
    expect(log.warnings).toEqual([
      expect.objectContaining({ orderId, refused: ['GONE: PROMO_USAGE_LIMIT_REACHED'] }),
    ]);
    expect(await confirmedLines(orderId)).toBe(2);
    expect(await pairs(11, 12)).toBe(1);
  });
});
