import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, insertOrder, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
beforeAll(async () => {
  system = await createFixtureSystem(['orders', 'stock']);
}, 60_000);
afterAll(() => system?.drop());

async function reserve(orderId: string, status: string) {
  await system.db('stock')`
    insert into reservations (id, order_id, status) values (gen_random_uuid(), ${orderId}, ${status})`;
}

describe('checkouts reached a terminal state', () => {
  it('passes for ended orders and for one waiting on the customer, and fails for one stuck in the saga', async () => {
    const since = new Date(Date.now() - 60_000);
    await insertOrder(system.db('orders'), { status: 'confirmed' });
    await insertOrder(system.db('orders'), { status: 'failed' });
    await insertOrder(system.db('orders'), { status: 'requires_action', saga_state: 'check_payment' });
    expect(await system.check('checkouts reached a terminal state', { since })).toMatchObject({
      ok: true,
      checked: 3,
    });

    const stuck = await insertOrder(system.db('orders'), {
      status: 'awaiting_payment',
      saga_state: 'authorize',
    });
    const result = await system.check('checkouts reached a terminal state', { since });
    expect(result.ok).toBe(false);
    expect(result.details.join()).toContain(`${stuck.number} still awaiting_payment`);
  });

  it('fails an order whose next saga step is long overdue, whatever its status', async () => {
    const since = new Date(Date.now() - 1_000);
    const late = await insertOrder(system.db('orders'), {
      status: 'out_for_delivery',
      saga_state: 'capture',
      saga_next_at: new Date(Date.now() - 500),
    });
    const result = await system.check('checkouts reached a terminal state', { since });
    expect(result.details.join()).toContain(`${late.number} (out_for_delivery): saga step capture overdue`);
  });

  it('leaves orders placed before the window alone (the demo seed)', async () => {
    const result = await system.check('checkouts reached a terminal state', {
      since: new Date(Date.now() + 1_000),
    });
    expect(result).toMatchObject({ ok: true, checked: 0 });
  });
});

describe('stock reservations follow orders', () => {
  it('wants a confirmed order committed and a failed one released', async () => {
    const since = new Date();
    const confirmed = await insertOrder(system.db('orders'), { status: 'confirmed' });
    await reserve(confirmed.id, 'committed');
    const failed = await insertOrder(system.db('orders'), { status: 'failed' });
    await reserve(failed.id, 'released');
    expect(await system.check('stock reservations follow orders', { since })).toMatchObject({
      ok: true,
      checked: 2,
    });

    const lost = await insertOrder(system.db('orders'), { status: 'cancelled' });
    await reserve(lost.id, 'active');
    const unsold = await insertOrder(system.db('orders'), { status: 'packed' });
    const result = await system.check('stock reservations follow orders', { since });
    expect(result.ok).toBe(false);
    expect(result.details).toEqual(
      expect.arrayContaining([
        `${lost.number} is cancelled but its reservation is still active`,
        `${unsold.number} is packed but its reservation is missing`,
      ]),
    );
  });
});
