/**
 * The relay against a real PostgreSQL, with a broker that misbehaves on purpose (a transport of the test's
 * own): one that never answers, and a database connection that dies while the broker is answering.
 */
import type { EventEnvelope } from '@sauda/contracts';
import { ProductCreated } from '@sauda/contracts';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withTransaction } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { eventually } from '../testing/brokers.ts';
import { product } from './contract-support.ts';
import { eventMigrations } from './migrations.ts';
import { appendEvent, outboxBacklog } from './outbox.ts';
import { createRelay, publishPending, type Relay } from './relay.ts';
import type { EventTransport } from './transport.ts';

/** A broker that records what it accepted; each publish first waits for `gate` (open unless replaced). */
class TestBroker implements EventTransport {
  readonly kind = 'pg-boss' as const;
  readonly accepted: string[] = [];
  gate: () => Promise<void> = () => Promise.resolve();
  async publish(envelope: EventEnvelope): Promise<void> {
    await this.gate();
    if (!this.accepted.includes(envelope.id)) this.accepted.push(envelope.id);
  }
  subscribe(): never {
    throw new Error('not a consumer test');
  }
  lag = () => Promise.resolve(0);
  ready = () => Promise.resolve(true);
  close = () => Promise.resolve();
}

const logger = pino({ level: 'silent' });
const never = () => new Promise<void>(() => undefined);

describe('the outbox relay when the broker or the database fails mid-publish', () => {
  let db: TestDatabase;
  let relay: Relay | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('relay');
    await migrate(db.sql, new URL('./no-such-dir/', import.meta.url), eventMigrations);
  });
  beforeEach(async () => {
    await relay?.stop();
    relay = undefined;
    await db.sql`delete from outbox`;
  });
  afterAll(async () => {
    await relay?.stop();
    await db.drop();
  });

  const commit = async (...titles: string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const title of titles)
      ids.push((await withTransaction(db.sql, (tx) => appendEvent(tx, ProductCreated, product(title)))).id);
    return ids;
  };

  it('gives up a publish that never answers, keeps the row first in line, and publishes it when the broker answers', async () => {
    const broker = new TestBroker();
    broker.gate = never;
    const ids = await commit('first', 'second');
    const pass = await publishPending(db.sql, broker, 100, { publishTimeoutMs: 100 });
    expect(pass).toMatchObject({ published: 0, more: false });
    expect(String(pass.error)).toMatch(/did not answer within 100 ms/);
    const rows = await db.sql<{ attempts: number; claimed_until: Date | null }[]>`
      select attempts, claimed_until from outbox order by id`;
    expect(rows).toEqual([
      { attempts: 1, claimed_until: null },
      { attempts: 0, claimed_until: null },
    ]);

    broker.gate = () => Promise.resolve();
    expect(await publishPending(db.sql, broker, 100)).toMatchObject({ published: 2 });
    expect(broker.accepted).toEqual(ids);
    expect(await outboxBacklog(db.sql)).toBe(0);
  });

  it('leaves rows claimed by a relay that died to the next one once the lease ends, and skips them before', async () => {
    const [stuck, fresh] = await commit('claimed by a dead relay', 'committed after');
    await db.sql`update outbox set claimed_until = now() + interval '400 milliseconds' where id = ${stuck ?? ''}`;
    const broker = new TestBroker();
    relay = createRelay({ db: db.sql, transport: broker, logger, pollMs: 50 });
    await relay.start();
    await eventually(() => expect(broker.accepted).toEqual([fresh]));
    await eventually(() => expect(broker.accepted).toEqual([fresh, stuck]));
    await eventually(async () => expect(await outboxBacklog(db.sql)).toBe(0));
  });

  it('keeps publishing, each event once, after its database connections die while the broker is answering', async () => {
    const broker = new TestBroker();
    let release: () => void = () => undefined;
    let waiting = 0;
    broker.gate = () => {
      waiting += 1;
      return new Promise<void>((resolve) => (release = resolve));
    };
    relay = createRelay({
      db: db.sql,
      transport: broker,
      logger,
      pollMs: 50,
      backoff: { initialMs: 20, maxMs: 50 },
      // Should its bookkeeping be lost with the connection too, the row comes back this soon.
      leaseMs: 1000,
    });
    const [before] = await commit('in flight when the connection dies');
    await relay.start();
    await eventually(() => expect(waiting).toBe(1));
    // Every connection of the relay's pool goes, as in a database restart; the broker answers afterwards.
    const [{ terminated } = { terminated: 0 }] = await db.sql<{ terminated: number }[]>`
      select count(pg_terminate_backend(pid))::int as terminated from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`;
    expect(terminated).toBeGreaterThanOrEqual(0);
    broker.gate = () => Promise.resolve();
    release();
    // Let the pool see its idle connections closed before this test commits through it too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await commit('committed after the restart', 'and another');
    await eventually(async () => expect(await outboxBacklog(db.sql)).toBe(0));
    expect(broker.accepted).toEqual([before, ...after]);
  });
});
