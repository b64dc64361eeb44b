import { DEMO_SITES, type EventData, type OrderLinesCancelled } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDrift } from '../levels/movement.ts';
import { ALMATY, confirm, freshSku, level, place, placed } from '../test/orders.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';
import { ConfirmationPending, releaseCancelledLines } from './release-cancelled-lines.ts';

const { almaty } = DEMO_SITES.depots;

describe('releasing the cancelled lines of a confirmed order', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
  });
  afterAll(async () => {
    expect(await ledgerDrift(t.db.sql)).toEqual([]); // every change is in the ledger
    await t.close();
  });
  const db = () => t.db.sql;
  const release = (orderId: string, lines: EventData<typeof OrderLinesCancelled>['lines']) =>
    withTransaction(db(), (tx) =>
      releaseCancelledLines(tx, {
        orderId,
        cancellationId: uuidv7(),
        reason: 'out_of_stock',
        lines,
        giftCards: [],
        cancelledAt: new Date().toISOString(),
      }),
    );
  const picking = async (orderId: string) =>
    db()<{ line_id: string; quantity: number; picked: number; status: string }[]>`
      select l.line_id, l.quantity, l.picked, t.status from pick_tasks t join pick_lines l on l.task_id = t.id
      where t.order_id = ${orderId} order by l.line_id`;

  it('gives the cancelled units back to the shelf once, down to what is left to ship', async () => {
    const a = await freshSku(db(), { [almaty]: 10 });
    const b = await freshSku(db(), { [almaty]: 10 });
    const order = placed(
      [
        { variantId: a, quantity: 3 },
        { variantId: b, quantity: 2 },
      ],
      ALMATY,
    );
    await place(db(), order);
    await confirm(db(), order.orderId);
    const [lineA, lineB] = order.lines as [(typeof order.lines)[number], (typeof order.lines)[number]];
    // One unit of A picked already: it goes back too.
    await db()`update pick_lines set picked = 1 where line_id = ${lineA.lineId}`;
    const target = [{ lineId: lineA.lineId, variantId: a, cancelled: 2, remaining: 1 }];
    expect(await release(order.orderId, target)).toEqual({ released: 2 });
    expect(await level(db(), a, almaty)).toMatchObject({ on_hand: 10, committed: 1 });
    // The same target again (a redelivered or replayed fact) releases nothing more.
    expect(await release(order.orderId, target)).toEqual({ released: 0 });
    expect(await level(db(), a, almaty)).toMatchObject({ committed: 1 });
    // The whole of line B: its units are free and the task keeps only what is left.
    expect(
      await release(order.orderId, [{ lineId: lineB.lineId, variantId: b, cancelled: 2, remaining: 0 }]),
    ).toEqual({ released: 2 });
    expect(await level(db(), b, almaty)).toMatchObject({ committed: 0 });
    const lines = await picking(order.orderId);
    expect(lines.find((l) => l.line_id === lineA.lineId)).toMatchObject({ quantity: 1, picked: 1 });
    expect(lines.find((l) => l.line_id === lineB.lineId)).toMatchObject({ quantity: 0, picked: 0 });
    expect(lines[0]?.status).toBe('picked');
  });

  it('releases nothing for units stock already reported short (their target is already met)', async () => {
    const a = await freshSku(db(), { [almaty]: 4 });
    const order = placed([{ variantId: a, quantity: 4 }], ALMATY);
    await place(db(), order);
    await confirm(db(), order.orderId);
    const lineId = order.lines[0]?.lineId ?? '';
    // What a shortage of 3 leaves: the pick line down to 1, the missing units gone from the level.
    await db()`update pick_lines set quantity = 1, short = 3 where line_id = ${lineId}`;
    await db()`
      with moved as (
        update stock_levels set on_hand = on_hand - 3, committed = committed - 3
        where variant_id = ${a} and depot_id = ${almaty} returning variant_id)
      insert into movements (variant_id, depot_id, kind, on_hand, committed)
      select variant_id, ${almaty}, 'shortage', -3, -3 from moved`;
    expect(await release(order.orderId, [{ lineId, variantId: a, cancelled: 3, remaining: 1 }])).toEqual({
      released: 0,
    });
    expect(await level(db(), a, almaty)).toMatchObject({ on_hand: 1, committed: 1 });
  });

  it('waits for the confirmation when the cancellation overtakes it, and ignores an order it never held', async () => {
    const a = await freshSku(db(), { [almaty]: 2 });
    const order = placed([{ variantId: a, quantity: 2 }], ALMATY);
    await place(db(), order);
    const lines = [{ lineId: order.lines[0]?.lineId ?? '', variantId: a, cancelled: 1, remaining: 1 }];
    await expect(release(order.orderId, lines)).rejects.toBeInstanceOf(ConfirmationPending);
    await confirm(db(), order.orderId);
    expect(await release(order.orderId, lines)).toEqual({ released: 1 });
    expect(await release(uuidv7(), lines)).toBe('nothing-held');
  });
});
