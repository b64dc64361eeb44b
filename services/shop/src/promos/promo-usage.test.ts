import {
  DEMO_IDS,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  demoProductId,
  demoVariantId,
} from '@sauda/contracts';
import { type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onOrderCancelled } from '../events/on-order-cancelled.ts';
import { onOrderConfirmed } from '../events/on-order-confirmed.ts';
import { onOrderPlaced } from '../events/on-order-placed.ts';
import { deliver, envelope, placed, recordingLogger } from '../test/commerce-fixtures.ts';
import { createSeededShop, type SeededShop } from '../test/shop-test-app.ts';
import { createPromo } from './manage-promos.ts';
import { reservePromos } from './reserve-promos.ts';

describe('promo code usage limits', () => {
  let t: SeededShop;
  let wide: Db;
  const log = recordingLogger();
  const line = { variantId: demoVariantId(1), productId: demoProductId(1), sellerId: DEMO_IDS.seller };
  const used = async (code: string) =>
    (await t.db.sql<{ used_count: number }[]>`select used_count from promo_codes where code = ${code}`)[0]
      ?.used_count;

  beforeAll(async () => {
    t = await createSeededShop(20);
    wide = t.pool;
  });
  afterAll(async () => t.close());

  it('when 30 orders race for a code limited to 5 uses, exactly 5 win and the rest get PROMO_USAGE_LIMIT_REACHED', async () => {
    await createPromo(t.db.sql, { code: 'RACE5', kind: 'percentage', percent: 10, usageLimit: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        reservePromos(wide, { orderId: uuidv7(), customerId: uuidv7(), codes: ['race5'] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const reasons = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { extra: { reason: string } }).extra.reason] : [],
    );
    expect(new Set(reasons)).toEqual(new Set(['PROMO_USAGE_LIMIT_REACHED']));
    expect(await used('RACE5')).toBe(5);
  });

  it('when one customer races 10 orders for a once-per-customer code, exactly one wins', async () => {
    await createPromo(t.db.sql, {
      code: 'ONCE',
      kind: 'fixed',
      amount: { amount: 100_00, currency: 'KZT' },
      perCustomerLimit: 1,
    });
    const customerId = uuidv7();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        reservePromos(wide, { orderId: uuidv7(), customerId, codes: ['ONCE'] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await used('ONCE')).toBe(1);
  });

  it('reserves all codes of an order or none: a failing second code leaves the first uncounted', async () => {
    await createPromo(t.db.sql, { code: 'OPEN', kind: 'free_shipping', stackable: true });
    await createPromo(t.db.sql, {
      code: 'LATER',
      kind: 'free_shipping',
      stackable: true,
      startsAt: '2099-01-01T00:00:00Z',
    });
    await expect(
      reservePromos(t.db.sql, { orderId: uuidv7(), customerId: uuidv7(), codes: ['OPEN', 'LATER'] }),
    ).rejects.toMatchObject({ code: 'PROMO_REJECTED', extra: { reason: 'PROMO_NOT_STARTED' } });
    expect(await used('OPEN')).toBe(0);
  });

  it('counts a retried reservation of the same order once', async () => {
    await createPromo(t.db.sql, { code: 'RETRY', kind: 'percentage', percent: 5 });
    const order = { orderId: uuidv7(), customerId: uuidv7(), codes: ['RETRY'] };
    await Promise.all([reservePromos(wide, order), reservePromos(wide, order), reservePromos(wide, order)]);
    expect(await used('RETRY')).toBe(1);
  });

  it('counts a confirmed order exactly once whatever the event order and redeliveries, and releases it on cancel', async () => {
    await createPromo(t.db.sql, { code: 'EVENTS', kind: 'percentage', percent: 5, usageLimit: 10 });
    const orderId = uuidv7();
    const customerId = uuidv7();
    const confirmed = envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() });
    // The confirmation overtakes the placement: nothing can be counted yet.
    await deliver(t.db.sql, onOrderConfirmed(log), confirmed);
    expect(await used('EVENTS')).toBe(0);
    const placedEvent = envelope(OrderPlaced, placed(orderId, customerId, [line], ['events']));
    await deliver(t.db.sql, onOrderPlaced(log), placedEvent);
    await deliver(t.db.sql, onOrderPlaced(log), placedEvent);
    await deliver(t.db.sql, onOrderConfirmed(log), confirmed);
    expect(await used('EVENTS')).toBe(1);
    const cancelled = envelope(OrderCancelled, {
      orderId,
      reason: 'customer',
      cancelledAt: new Date().toISOString(),
    });
    await deliver(t.db.sql, onOrderCancelled, cancelled);
    await deliver(t.db.sql, onOrderCancelled, cancelled);
    expect(await used('EVENTS')).toBe(0);
  });

  it('turns a checkout reservation into the confirmed usage without counting it again', async () => {
    await createPromo(t.db.sql, { code: 'RESERVED', kind: 'percentage', percent: 5, usageLimit: 1 });
    const orderId = uuidv7();
    const customerId = uuidv7();
    await reservePromos(t.db.sql, { orderId, customerId, codes: ['RESERVED'] });
    await deliver(
      t.db.sql,
      onOrderPlaced(log),
      envelope(OrderPlaced, placed(orderId, customerId, [line], ['RESERVED'])),
    );
    await deliver(
      t.db.sql,
      onOrderConfirmed(log),
      envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() }),
    );
    expect(await used('RESERVED')).toBe(1);
    const [usage] = await t.db.sql<
      { status: string }[]
    >`select status from promo_usages where order_id = ${orderId}`;
    expect(usage?.status).toBe('confirmed');
  });

  it('releases a cancelled reservation so the next customer may use the code', async () => {
    await createPromo(t.db.sql, { code: 'LASTONE', kind: 'percentage', percent: 5, usageLimit: 1 });
    const first = { orderId: uuidv7(), customerId: uuidv7(), codes: ['LASTONE'] };
    await reservePromos(t.db.sql, first);
    await expect(
      reservePromos(t.db.sql, { ...first, orderId: uuidv7(), customerId: uuidv7() }),
    ).rejects.toMatchObject({
      code: 'PROMO_REJECTED',
    });
    await deliver(
      t.db.sql,
      onOrderCancelled,
      envelope(OrderCancelled, {
        orderId: first.orderId,
        reason: 'payment failed',
        cancelledAt: new Date().toISOString(),
      }),
    );
    await expect(
      reservePromos(t.db.sql, { orderId: uuidv7(), customerId: uuidv7(), codes: ['LASTONE'] }),
    ).resolves.toEqual({
      reserved: ['LASTONE'],
    });
  });
});
