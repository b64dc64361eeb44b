import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
const NAME = 'every published event was delivered';
beforeAll(async () => {
  system = await createFixtureSystem(['orders', 'stock']);
  // What pg-boss keeps in the bus database: one queue per consumer, subscribed to the types it handles.
  const bus = system.db('bus');
  await bus`create schema pgboss`;
  await bus`create table pgboss.subscription (event text not null, name text not null)`;
  await bus`insert into pgboss.subscription values ('orders.order.placed.v1', 'stock.orders'),
    ('stock.reservation.confirmed.v1', 'orders.saga')`;
}, 60_000);
afterAll(() => system?.drop());

async function publish(service: string, type: string, published = true): Promise<string> {
  const id = randomUUID();
  await system.db(service)`
    insert into outbox (id, type, source, payload, occurred_at, published_at)
    values (${id}, ${type}, ${service}, '{}', now(), ${published ? new Date() : null})`;
  return id;
}

async function handle(service: string, consumer: string, id: string, type: string) {
  await system.db(service)`insert into inbox (consumer, event_id, type) values (${consumer}, ${id}, ${type})`;
}

describe('every published event was delivered', () => {
  it('passes when each subscribed consumer handled each event', async () => {
    const since = new Date(Date.now() - 1_000);
    const placed = await publish('orders', 'orders.order.placed.v1');
    await handle('stock', 'stock.orders', placed, 'orders.order.placed.v1');
    const confirmed = await publish('stock', 'stock.reservation.confirmed.v1');
    await handle('orders', 'orders.saga', confirmed, 'stock.reservation.confirmed.v1');
    await publish('orders', 'orders.order.nobody-listens.v1');
    expect(await system.check(NAME, { since })).toMatchObject({ ok: true, checked: 2 });
  });

  it('fails a lost event, a dead letter and an outbox row never published', async () => {
    const since = new Date(Date.now() - 1_000);
    const lost = await publish('orders', 'orders.order.placed.v1');
    const poisoned = await publish('stock', 'stock.reservation.confirmed.v1');
    await system.db('orders')`
      insert into dead_letters (consumer, event_id, type, payload, error_message, attempts)
      values ('orders.saga', ${poisoned}, 'stock.reservation.confirmed.v1', '{}', 'boom', 5)`;
    const stale = await publish('stock', 'stock.reservation.confirmed.v1', false);
    const result = await system.check(NAME, { since, settledBefore: new Date(Date.now() + 1_000) });
    expect(result.ok).toBe(false);
    expect(result.details).toEqual(
      expect.arrayContaining([
        `stock.orders never handled orders.order.placed.v1 ${lost} from orders`,
        `orders.saga dead-lettered stock.reservation.confirmed.v1 ${poisoned}: boom`,
        `stock never published stock.reservation.confirmed.v1 ${stale} (0 attempts)`,
      ]),
    );
  });
});
