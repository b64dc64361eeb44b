import { DEMO_SITES } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDrift } from '../levels/movement.ts';
import { ALMATY, cancel, confirm, freshSku, level, outboxOf, place, placed } from '../test/orders.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';
import { expireReservations } from './expire-reservations.ts';

const { almaty, astana } = DEMO_SITES.depots;

describe('a reservation through the order saga', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
  });
  afterAll(async () => {
    expect(await ledgerDrift(t.db.sql)).toEqual([]); // every test's changes are in the ledger
    await t.close();
  });
  const db = () => t.db.sql;

  it('on confirmation turns reserved into committed and opens one pick task per depot', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 2 }], ALMATY);
    await place(db(), order);
    expect(await confirm(db(), order.orderId)).toBe('committed');
    expect(await confirm(db(), order.orderId)).toBe('already-committed');
    expect(await level(db(), variantId, almaty)).toMatchObject({ on_hand: 5, reserved: 0, committed: 2 });
    const tasks = await db()`select depot_id, status from pick_tasks where order_id = ${order.orderId}`;
    expect(tasks).toEqual([{ depot_id: almaty, status: 'open' }]);
  });

  it('commits an order split over two depots with one pick task per depot holding its lines', async () => {
    const variantId = await freshSku(db(), { [almaty]: 1, [astana]: 2 });
    const order = placed([{ variantId, quantity: 3 }], ALMATY);
    await place(db(), order);
    expect(await confirm(db(), order.orderId)).toBe('committed');
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0, committed: 1 });
    expect(await level(db(), variantId, astana)).toMatchObject({ reserved: 0, committed: 2 });
    const picks = await db()<{ depot_id: string; quantity: number }[]>`
      select t.depot_id, l.quantity from pick_tasks t join pick_lines l on l.task_id = t.id
      where t.order_id = ${order.orderId} order by l.quantity`;
    expect(picks).toEqual([
      { depot_id: almaty, quantity: 1 },
      { depot_id: astana, quantity: 2 },
    ]);
  });

  it('retries a confirmation that overtook its placement', async () => {
    const order = placed([{ variantId: await freshSku(db(), { [almaty]: 1 }), quantity: 1 }]);
    await expect(confirm(db(), order.orderId)).rejects.toThrow(/no reservation yet/);
  });

  it('releases the units when payment fails, once', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 3 }]);
    await place(db(), order);
    expect(await cancel(db(), order.orderId)).toBe('released');
    expect(await cancel(db(), order.orderId)).toBe('nothing-held');
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0, committed: 0 });
    const released = (
      await outboxOf<{ orderId: string; reason: string }>(db(), 'stock.reservation.released.v1')
    ).filter((e) => e.orderId === order.orderId);
    expect(released).toEqual([expect.objectContaining({ reason: 'cancelled' })]);
  });

  it('releases committed units of a cancelled confirmed order and closes its tasks', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 2 }]);
    await place(db(), order);
    await confirm(db(), order.orderId);
    expect(await cancel(db(), order.orderId, 'customer changed their mind')).toBe('released');
    expect(await level(db(), variantId, almaty)).toMatchObject({ on_hand: 5, reserved: 0, committed: 0 });
    const [task] = await db()`select status from pick_tasks where order_id = ${order.orderId}`;
    expect(task).toEqual({ status: 'cancelled' });
  });

  it('ignores a placement that arrives after its cancellation (no leaked reservation)', async () => {
    const variantId = await freshSku(db(), { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 2 }]);
    expect(await cancel(db(), order.orderId)).toBe('tombstone');
    expect(await place(db(), order)).toBe('already-decided');
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0 });
  });

  it('expires unpaid reservations once, even with several sweepers at the same time', async () => {
    const variantId = await freshSku(db(), { [almaty]: 4 });
    const orders = [placed([{ variantId, quantity: 1 }]), placed([{ variantId, quantity: 2 }])];
    for (const order of orders) await place(db(), order, 1);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the 1 ms time-to-live pass
    const swept = await Promise.all([
      expireReservations(db()),
      expireReservations(db()),
      expireReservations(db()),
    ]);
    const ours = await db()`
      select status from reservations where order_id in ${db()(orders.map((o) => o.orderId))}`;
    expect(ours).toEqual([{ status: 'expired' }, { status: 'expired' }]);
    expect(swept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0 });
    const released = (await outboxOf<{ orderId: string }>(db(), 'stock.reservation.released.v1')).filter(
      (e) => orders.some((o) => o.orderId === e.orderId),
    );
    expect(released).toHaveLength(2);
  });

  it('reserves again when a confirmation comes after expiry, or reports the lines short', async () => {
    const variantId = await freshSku(db(), { [almaty]: 2 });
    const late = placed([{ variantId, quantity: 2 }]);
    await place(db(), late, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expireReservations(db());
    expect(await confirm(db(), late.orderId)).toBe('committed');
    expect(await level(db(), variantId, almaty)).toMatchObject({ reserved: 0, committed: 2 });

    const gone = placed([{ variantId: await freshSku(db(), { [almaty]: 1 }), quantity: 1 }]);
    await place(db(), gone, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expireReservations(db());
    const thief = placed([{ variantId: gone.lines[0]?.variantId ?? '', quantity: 1 }]);
    expect(await place(db(), thief)).toBe('confirmed');
    expect(await confirm(db(), gone.orderId)).toBe('short');
    const short = (await outboxOf<{ orderId: string; reason: string }>(db(), 'stock.order.short.v1')).filter(
      (e) => e.orderId === gone.orderId,
    );
    expect(short).toEqual([expect.objectContaining({ reason: 'expired' })]);
  });
});
