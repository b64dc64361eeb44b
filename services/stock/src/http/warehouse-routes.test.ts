import { DEMO_SITES } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDrift } from '../levels/movement.ts';
import { ALMATY, confirm, freshSku, level, outboxOf, place, placed } from '../test/orders.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';

const { almaty, astana } = DEMO_SITES.depots;
const STRANGER = '01940000-0000-7000-8000-0000000000e9';

interface Task {
  id: string;
  status: string;
  lines: Array<{
    lineId: string;
    sku: string;
    quantity: number;
    picked: number;
    packed: number;
    short: number;
  }>;
}

describe('warehouse pick, pack, receiving and returns', () => {
  let t: StockTestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createStockTestApp();
    headers = await t.as('warehouseman');
  });
  afterAll(async () => {
    expect(await ledgerDrift(t.db.sql)).toEqual([]);
    await t.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, as = headers) =>
    t.app.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });

  async function confirmedOrder(units: Record<string, number>, quantity: number) {
    const variantId = await freshSku(t.db.sql, units);
    const order = placed([{ variantId, quantity, sku: 'SKU-IGNORED' }], ALMATY);
    await place(t.db.sql, order);
    await confirm(t.db.sql, order.orderId);
    const [task] = await t.db.sql<{ id: string }[]>`
      select id from pick_tasks where order_id = ${order.orderId} and depot_id = ${almaty}`;
    return { variantId, order, taskId: task?.id ?? '' };
  }

  it('picks by scan, refuses the wrong item, packs a parcel and announces it to shipping', async () => {
    const { variantId, order, taskId } = await confirmedOrder({ [almaty]: 5 }, 2);
    const queue = (await call('GET', '/warehouse/tasks')).json<{ items: Task[] }>().items;
    expect(queue.map((task) => task.id)).toContain(taskId);
    const task = (await call('GET', `/warehouse/tasks/${taskId}`)).json<Task>();
    const line = task.lines[0];
    if (!line) throw new Error('the task has a line');
    const pick = (body: object) => call('POST', `/warehouse/tasks/${taskId}/lines/${line.lineId}/pick`, body);

    expect((await pick({ quantity: 1, scannedSku: 'SKU-NOT-IT' })).json()).toMatchObject({
      code: 'SKU_MISMATCH',
    });
    expect((await pick({ quantity: 1, scannedSku: line.sku.toLowerCase() })).json<Task>().status).toBe(
      'picking',
    );
    expect((await pick({ quantity: 2 })).json()).toMatchObject({ code: 'QUANTITY_TOO_LARGE' });
    expect((await pick({ quantity: 1 })).json<Task>().status).toBe('picked');

    const packed = await call('POST', `/warehouse/tasks/${taskId}/parcels`, {
      weightGrams: 1200,
      dimensionsCm: { l: 30, w: 20, h: 10 },
    });
    expect(packed.statusCode).toBe(201);
    const parcel = packed.json<{ id: string; code: string; lines: unknown[]; recipient: unknown }>();
    expect(parcel.code).toMatch(/^PC-[0-9A-Z]{10}$/);
    expect(parcel.recipient).toEqual(ALMATY);
    expect((await call('GET', `/warehouse/tasks/${taskId}`)).json<Task>().status).toBe('packed');
    expect(await level(t.db.sql, variantId, almaty)).toMatchObject({ on_hand: 3, committed: 0, reserved: 0 });
    const [created] = (
      await outboxOf<{ orderId: string; depotId: string; lines: unknown[] }>(
        t.db.sql,
        'stock.parcel.created.v1',
      )
    ).filter((e) => e.orderId === order.orderId);
    expect(created).toMatchObject({
      depotId: almaty,
      weightGrams: 1200,
      lines: [{ lineId: line.lineId, variantId, quantity: 2 }],
    });
    const slip = await call('GET', `/warehouse/parcels/${parcel.code}`);
    expect(slip.json()).toMatchObject({ id: parcel.id, orderNumber: order.orderNumber });
    expect(
      (await call('POST', `/warehouse/tasks/${taskId}/lines/${line.lineId}/pick`, { quantity: 1 })).json(),
    ).toMatchObject({
      code: 'TASK_CLOSED',
    });

    // The parcel comes back: registered once, then inspected unit by unit.
    const customerReturnId = '01960000-0000-7000-8000-0000000abc01';
    const registered = await call('POST', '/warehouse/returns', {
      parcel: parcel.code,
      returnId: customerReturnId,
    });
    expect(registered.statusCode).toBe(201);
    expect((await call('POST', '/warehouse/returns', { parcel: parcel.code })).json()).toMatchObject({
      code: 'RETURN_ALREADY_REGISTERED',
    });
    const returned = registered.json<{ id: string }>();
    const inspect = (lines: object[]) => call('POST', `/warehouse/returns/${returned.id}/inspect`, { lines });
    expect((await inspect([{ lineId: line.lineId, restock: 1, writeOff: 0 }])).json()).toMatchObject({
      code: 'INSPECTION_INCOMPLETE',
    });
    expect((await inspect([{ lineId: line.lineId, restock: 1, writeOff: 1 }])).json()).toMatchObject({
      status: 'inspected',
    });
    expect(await level(t.db.sql, variantId, almaty)).toMatchObject({ on_hand: 5, unavailable: 1 });
    // It answered a customer's return request: orders learns what came back, in which condition.
    const inspected = (await outboxOf<{ returnId: string }>(t.db.sql, 'stock.return.inspected.v1')).filter(
      (e) => e.returnId === customerReturnId,
    );
    expect(inspected).toEqual([
      expect.objectContaining({
        orderId: order.orderId,
        depotId: almaty,
        lines: [
          { lineId: line.lineId, variantId, quantity: 1, condition: 'resellable' },
          { lineId: line.lineId, variantId, quantity: 1, condition: 'damaged' },
        ],
      }),
    ]);
  });

  it('hands a shortage to another depot that has the units, or reports it short to orders', async () => {
    const { variantId, order, taskId } = await confirmedOrder({ [almaty]: 3, [astana]: 4 }, 3);
    const line = (await call('GET', `/warehouse/tasks/${taskId}`)).json<Task>().lines[0];
    const short = (found: number) =>
      call('POST', `/warehouse/tasks/${taskId}/lines/${line?.lineId}/shortage`, { found });
    expect((await short(3)).json()).toMatchObject({ code: 'INVALID_SHORTAGE' });
    const answer = (await short(1)).json<{ missing: number; reallocatedTo: string | null; task: Task }>();
    expect(answer).toMatchObject({ missing: 2, reallocatedTo: astana });
    expect(answer.task.lines[0]).toMatchObject({ quantity: 1, short: 2 });
    expect(await level(t.db.sql, variantId, almaty)).toMatchObject({ on_hand: 1, committed: 1 });
    expect(await level(t.db.sql, variantId, astana)).toMatchObject({ on_hand: 4, committed: 2 });
    const tasks = await t.db
      .sql`select depot_id from pick_tasks where order_id = ${order.orderId} order by depot_id`;
    expect(tasks).toHaveLength(2);

    const lonely = await confirmedOrder({ [almaty]: 1 }, 1);
    const lonelyLine = (await call('GET', `/warehouse/tasks/${lonely.taskId}`)).json<Task>().lines[0];
    const none = await call(
      'POST',
      `/warehouse/tasks/${lonely.taskId}/lines/${lonelyLine?.lineId}/shortage`,
      { found: 0 },
    );
    expect(none.json()).toMatchObject({ missing: 1, reallocatedTo: null, task: { status: 'cancelled' } });
    const reported = (await outboxOf<{ orderId: string }>(t.db.sql, 'stock.order.short.v1')).filter(
      (e) => e.orderId === lonely.order.orderId,
    );
    expect(reported).toHaveLength(1);
  });

  it('receives announced stock into on hand', async () => {
    const variantId = await freshSku(t.db.sql, { [almaty]: 0 });
    const announced = await call('POST', '/warehouse/receipts', { variantId, expected: 10, note: 'PO-17' });
    expect(announced.statusCode).toBe(201);
    expect(await level(t.db.sql, variantId, almaty)).toMatchObject({ incoming: 10, on_hand: 0 });
    const id = announced.json<{ id: string }>().id;
    expect((await call('POST', `/warehouse/receipts/${id}/receive`, { received: 9 })).json()).toMatchObject({
      status: 'received',
      received: 9,
    });
    expect((await call('POST', `/warehouse/receipts/${id}/receive`, { received: 9 })).json()).toMatchObject({
      code: 'RECEIPT_ALREADY_RECEIVED',
    });
    expect(await level(t.db.sql, variantId, almaty)).toMatchObject({ incoming: 0, on_hand: 9 });
    const stock = (await call('GET', `/warehouse/stock?q=${encodeURIComponent('Fresh')}`)).json<{
      items: unknown[];
    }>();
    expect(stock.items.length).toBeGreaterThan(0);
  });

  it('keeps each depot’s work to its own staff', async () => {
    const { taskId } = await confirmedOrder({ [almaty]: 2 }, 1);
    const stranger = {
      authorization: `Bearer ${await t.tokens.sign({ id: STRANGER, roles: ['warehouseman'] })}`,
    };
    expect((await call('GET', '/warehouse/tasks', undefined, stranger)).json()).toMatchObject({
      code: 'NOT_DEPOT_STAFF',
    });
    await t.db.sql`insert into depot_staff (user_id, depot_id) values (${STRANGER}, ${astana})`;
    expect((await call('GET', `/warehouse/tasks/${taskId}`, undefined, stranger)).json()).toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    expect((await call('GET', '/warehouse/tasks', undefined, await t.as('seller'))).statusCode).toBe(403);
    expect((await call('GET', '/warehouse/depot')).json()).toMatchObject({ id: almaty, code: 'ALA-1' });
  });
});
