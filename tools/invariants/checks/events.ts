/**
 * Events: every row a service's outbox published reached every consumer subscribed to its type (the
 * consumer's inbox holds it), nothing was dead-lettered, and nothing is left unpublished.
 */
import type { Db } from '@sauda/kit';
import { hasTable } from '../databases.ts';
import { verdict, type CheckContext, type Invariant } from '../types.ts';

/** The services whose databases may hold an outbox or an inbox. */
export const EVENT_SERVICES = [
  'users',
  'shop',
  'orders',
  'stock',
  'payment',
  'shipping',
  'dispatching',
  'assistant',
] as const;

interface Published {
  id: string;
  type: string;
  source: string;
}

/** Consumer id (`<service>.<name>`) → the event types it subscribed to. */
async function subscriptions(
  ctx: CheckContext,
  services: Map<string, Db>,
): Promise<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>();
  const add = (consumer: string, type: string) =>
    map.set(consumer, (map.get(consumer) ?? new Set()).add(type));
  const bus = ctx.bus();
  if (bus && (await hasTable(bus, 'pgboss.subscription'))) {
    // pg-boss keeps the authoritative list: one queue per consumer, subscribed to each type it handles.
    for (const row of await bus<
      { event: string; name: string }[]
    >`select event, name from pgboss.subscription`)
      add(row.name, row.event);
    return map;
  }
  // Without the bus (NATS), the consumers' own inboxes show which types each of them handles.
  for (const db of services.values())
    if (await hasTable(db, 'inbox'))
      for (const row of await db<
        { consumer: string; type: string }[]
      >`select distinct consumer, type from inbox`)
        add(row.consumer, row.type);
  return map;
}

/** Where the undelivered event sits on the bus (pg-boss job state), to tell "late" from "lost" in the report. */
async function jobState(ctx: CheckContext, consumer: string, id: string): Promise<string> {
  const bus = ctx.bus();
  if (!bus || !(await hasTable(bus, 'pgboss.job'))) return '';
  const [job] = await bus<{ state: string; retry_count: number; started_on: Date | null }[]>`
    select state, retry_count, started_on from pgboss.job where name = ${consumer} and id = ${id}`;
  if (!job) return ' (no job on the bus: lost between outbox and queue)';
  const since = job.started_on ? ` since ${job.started_on.toISOString()}` : '';
  return ` (bus job ${job.state}${since}, ${job.retry_count} retries)`;
}

/** Every published event is in the inbox of each subscribed consumer; no dead letters; no stale backlog. */
export const eventsDelivered: Invariant = {
  name: 'every published event was delivered',
  async run(ctx) {
    const services = new Map<string, Db>();
    for (const name of EVENT_SERVICES) {
      const db = ctx.db(name);
      if (db) services.set(name, db);
    }
    const violations: string[] = [];
    const published: Published[] = [];
    for (const [service, db] of services) {
      if (!(await hasTable(db, 'outbox'))) continue;
      published.push(
        ...(await db<Published[]>`
          select id, type, source from outbox
          where published_at < ${ctx.settledBefore} and created_at >= ${ctx.since}`),
      );
      const stale = await db<{ id: string; type: string; attempts: number; last_error: string | null }[]>`
        select id, type, attempts, last_error from outbox
        where published_at is null and created_at >= ${ctx.since} and created_at < ${ctx.settledBefore}
        order by id limit 50`;
      for (const row of stale)
        violations.push(
          `${service} never published ${row.type} ${row.id} (${row.attempts} attempts${row.last_error ? `: ${row.last_error}` : ''})`,
        );
    }
    const subscribed = await subscriptions(ctx, services);
    let deliveries = 0;
    for (const [consumer, types] of subscribed) {
      const expected = published.filter((event) => types.has(event.type));
      if (expected.length === 0) continue;
      const db = services.get(consumer.split('.')[0] ?? '');
      if (!db || !(await hasTable(db, 'inbox'))) {
        violations.push(`${consumer} is subscribed but its service has no inbox to check`);
        continue;
      }
      deliveries += expected.length;
      const ids = expected.map((event) => event.id);
      const handled = await db<{ event_id: string }[]>`
        select event_id from inbox where consumer = ${consumer} and event_id = any(${ids}::uuid[])`;
      const dead = await db<{ event_id: string; error_message: string }[]>`
        select event_id, error_message from dead_letters where consumer = ${consumer} and event_id = any(${ids}::uuid[])`;
      const seen = new Set(handled.map((row) => row.event_id));
      const deadIds = new Map(dead.map((row) => [row.event_id, row.error_message]));
      for (const event of expected) {
        const error = deadIds.get(event.id);
        if (error !== undefined)
          violations.push(`${consumer} dead-lettered ${event.type} ${event.id}: ${error}`);
        else if (!seen.has(event.id))
          violations.push(
            `${consumer} never handled ${event.type} ${event.id} from ${event.source}${await jobState(ctx, consumer, event.id)}`,
          );
      }
    }
    return verdict(deliveries, violations);
  },
};
