import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_SITES, type EventData, type OrderPlaced } from '@sauda/contracts';
import { createDb, type Db } from '@sauda/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDrift } from '../levels/movement.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';
import { ALMATY, freshSku, level, outboxOf, place, placed } from '../test/orders.ts';

const { almaty, astana, shymkent } = DEMO_SITES.depots;
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const CRASHER = fileURLToPath(new URL('../test/crash-while-reserving.ts', import.meta.url));

/** Runs the crashing process to its death and returns what it printed. */
function crashWhileReserving(url: string, order: EventData<typeof OrderPlaced>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=sauda-source', '--import', 'tsx', CRASHER], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STOCK_CRASH_DB: url, STOCK_CRASH_ORDER: JSON.stringify(order) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(output) : reject(new Error(output))));
  });
}

describe('reserving stock for placed orders', () => {
  let t: StockTestApp;
  let wide: Db; // many connections, so 200 checkouts really run at the same time
  beforeAll(async () => {
    t = await createStockTestApp();
    wide = createDb(t.db.url, { max: 40 });
  });
  afterAll(async () => {
    await wide.end();
    await t.close();
  });

  async function levels(variantId: string) {
    return wide<{ on_hand: number; reserved: number }[]>`
      select on_hand, reserved from stock_levels where variant_id = ${variantId}`;
  }

  it('when 200 customers check out the last 10 units at once, exactly 10 get them and 190 are rejected', async () => {
    const variantId = await freshSku(wide, { [almaty]: 10 });
    const orders = Array.from({ length: 200 }, () => placed([{ variantId, quantity: 1 }]));
    const outcomes = await Promise.all(orders.map((order) => place(wide, order)));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'rejected')).toHaveLength(190);
    expect(await levels(variantId)).toEqual([{ on_hand: 10, reserved: 10 }]);
    const [sum] = await wide<{ reserved: number }[]>`
      select sum(reserved)::int as reserved from movements where variant_id = ${variantId}`;
    expect(sum?.reserved).toBe(10);
    expect(await ledgerDrift(wide)).toEqual([]);
    const rejected = await outboxOf<{ orderId: string; shortLines: Array<{ available: number }> }>(
      wide,
      'stock.reservation.rejected.v1',
    );
    expect(rejected.filter((r) => orders.some((o) => o.orderId === r.orderId))).toHaveLength(190);
  });

  it('does the same when the 10 units are spread over three depots', async () => {
    const variantId = await freshSku(wide, { [almaty]: 4, [astana]: 3, [shymkent]: 3 });
    const orders = Array.from({ length: 200 }, () => placed([{ variantId, quantity: 1 }]));
    const outcomes = await Promise.all(orders.map((order) => place(wide, order)));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'rejected')).toHaveLength(190);
    const rows = await levels(variantId);
    expect(rows.every((row) => row.reserved === row.on_hand && row.reserved >= 0)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.reserved, 0)).toBe(10);
    expect(await ledgerDrift(wide)).toEqual([]);
  });

  it('when 120 two-line orders race for 10 of each item, listed in either order, 10 get both and none deadlock', async () => {
    const a = await freshSku(wide, { [almaty]: 10 });
    const b = await freshSku(wide, { [almaty]: 7, [astana]: 3 });
    const orders = Array.from({ length: 120 }, (_, i) =>
      placed(
        i % 2 === 0
          ? [
              { variantId: a, quantity: 1 },
              { variantId: b, quantity: 1 },
            ]
          : [
              { variantId: b, quantity: 1 },
              { variantId: a, quantity: 1 },
            ],
      ),
    );
    const outcomes = await Promise.all(orders.map((order) => place(wide, order)));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'rejected')).toHaveLength(110);
    for (const variantId of [a, b]) {
      const rows = await levels(variantId);
      expect(rows.reduce((sum, row) => sum + row.reserved, 0)).toBe(10);
    }
    // All or none: every confirmed order holds both of its lines, no rejected order holds any.
    const held = await wide<{ order_id: string; units: number }[]>`
      select r.order_id, sum(l.quantity)::int as units from reservations r
      join reservation_lines l on l.reservation_id = r.id
      where r.order_id in ${wide(orders.map((o) => o.orderId))} group by r.order_id`;
    const confirmed = orders.filter((_, i) => outcomes[i] === 'confirmed').map((o) => o.orderId);
    expect(held.map((h) => h.order_id).sort()).toEqual(confirmed.sort());
    expect(held.every((h) => h.units === 2)).toBe(true);
    expect(await ledgerDrift(wide)).toEqual([]);
  });

  it('reserves every line of an order or none of them', async () => {
    const plenty = await freshSku(wide, { [almaty]: 5 });
    const scarce = await freshSku(wide, { [almaty]: 1 });
    const order = placed([
      { variantId: plenty, quantity: 2 },
      { variantId: scarce, quantity: 2 },
    ]);
    expect(await place(wide, order)).toBe('rejected');
    expect(await level(wide, plenty, almaty)).toMatchObject({ reserved: 0 });
    const [rejection] = (
      await outboxOf<{ orderId: string; shortLines: unknown[] }>(wide, 'stock.reservation.rejected.v1')
    ).filter((r) => r.orderId === order.orderId);
    expect(rejection?.shortLines).toEqual([
      { lineId: order.lines[1]?.lineId, variantId: scarce, requested: 2, available: 1 },
    ]);
  });

  it('ships from the nearest depot that has everything and names it per line', async () => {
    const variantId = await freshSku(wide, { [almaty]: 3, [astana]: 3 });
    const order = placed([{ variantId, quantity: 2 }], ALMATY);
    expect(await place(wide, order)).toBe('confirmed');
    const [confirmed] = (
      await outboxOf<{ orderId: string; lines: Array<{ depotId: string; quantity: number }> }>(
        wide,
        'stock.reservation.confirmed.v1',
      )
    ).filter((c) => c.orderId === order.orderId);
    expect(confirmed?.lines).toEqual([
      { lineId: order.lines[0]?.lineId, variantId, depotId: almaty, quantity: 2 },
    ]);
  });

  it('decides an order once, even when the placement is delivered again or re-published with a new id', async () => {
    const variantId = await freshSku(wide, { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 2 }]);
    expect(await place(wide, order)).toBe('confirmed');
    expect(await place(wide, order)).toBe('already-decided');
    expect(await level(wide, variantId, almaty)).toMatchObject({ reserved: 2 });
  });

  it('leaves nothing behind when the process dies in the middle of a reservation', async () => {
    const variantId = await freshSku(wide, { [almaty]: 5 });
    const order = placed([{ variantId, quantity: 3 }]);
    // A real process runs the guarded updates and is killed before it commits: PostgreSQL rolls it all back.
    const output = await crashWhileReserving(t.db.url, order);
    expect(output).toContain('reserved, dying before commit');
    expect(await level(wide, variantId, almaty)).toMatchObject({ reserved: 0 });
    const [row] = await wide`select 1 from reservations where order_id = ${order.orderId}`;
    expect(row).toBeUndefined();
    // The broker redelivers (the inbox row died with the transaction): reserved exactly once.
    expect(await place(wide, order)).toBe('confirmed');
    expect(await level(wide, variantId, almaty)).toMatchObject({ reserved: 3 });
    expect(await ledgerDrift(wide)).toEqual([]);
  }, 120_000); // a real child process starts (tsx compiles its imports): slow on a busy machine
});
