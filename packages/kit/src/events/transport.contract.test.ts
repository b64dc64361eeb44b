/**
 * The event layer's contract, run against both transports on the real PostgreSQL and NATS: what a
 * producer commits is delivered at least once, handled exactly once, and never lost to a crash or an outage.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ProductCreated, type EventEnvelope } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { afterCommit, withTransaction } from '../db/db.ts';
import type { EventHandler } from './handle-delivery.ts';
import { listDeadLetters } from './dead-letters.ts';
import { appendEvent, outboxBacklog } from './outbox.ts';
import { publishPending } from './relay.ts';
import type { EventTransport } from './transport.ts';
import { eventually, natsKind, pgBossKind, TcpProxy } from '../testing/brokers.ts';
import { product, World } from './contract-support.ts';

const CONSUMER = 'stock.product-projection';

/** The projection handler under test: stores the title and the trace it ran in, counts its runs. */
function projection(options: { failOn?: string } = {}) {
  const runs = new Map<string, number>();
  const handler: EventHandler<typeof ProductCreated> = async (event, tx) => {
    runs.set(event.data.title, (runs.get(event.data.title) ?? 0) + 1);
    if (event.data.title === options.failOn) throw new Error('projection exploded');
    const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
    await tx`insert into handled (event_id, title, trace_id) values (${event.id}, ${event.data.title}, ${traceId})`;
  };
  return { handler, runs: (title: string) => runs.get(title) ?? 0 };
}

/** Simulates a consumer whose ack is lost after it committed: the broker redelivers the first delivery. */
function losingFirstAck(transport: EventTransport, attempts: number[]): EventTransport {
  return {
    ...transport,
    // Without deliverBatch every delivery goes through the wrapper below.
    subscribe: ({ deliverBatch: _batch, ...spec }) =>
      transport.subscribe({
        ...spec,
        deliver: async (message, attempt) => {
          attempts.push(attempt);
          const outcome = await spec.deliver(message, attempt);
          return attempt === 1 ? { retryAfterMs: 0 } : outcome;
        },
      }),
  };
}

async function commitProducts(world: World, ...titles: string[]): Promise<EventEnvelope[]> {
  return withTransaction(world.producer.sql, async (tx) =>
    Promise.all(titles.map((title) => appendEvent(tx, ProductCreated, product(title)))),
  );
}

let tracing: NodeTracerProvider;
beforeAll(() => {
  tracing = new NodeTracerProvider();
  tracing.register(); // W3C trace context propagation and an AsyncLocalStorage context manager
});
afterAll(async () => {
  await tracing.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

describe.each([natsKind(inject('natsUrl')), pgBossKind()])('events over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'the transport contract', () => {
    let world: World;
    beforeEach(async () => {
      world = await World.create(kind);
    });
    afterEach(async () => {
      await world.dispose();
    });

    it('publishes an event only after its transaction commits, and nothing from a rolled-back one', async () => {
      const { handler } = projection();
      await world.consumer(world.transport()).on(ProductCreated, handler).start();
      const transport = world.transport();

      const rolledBack = withTransaction(world.producer.sql, async (tx) => {
        await appendEvent(tx, ProductCreated, product('rolled back'));
        throw new Error('checkout failed');
      });
      await expect(rolledBack).rejects.toThrow('checkout failed');

      let commit!: () => void;
      let appended!: () => void;
      const wasAppended = new Promise<void>((resolve) => (appended = resolve));
      const open = withTransaction(world.producer.sql, async (tx) => {
        await appendEvent(tx, ProductCreated, product('committed'));
        appended();
        await new Promise<void>((resolve) => (commit = resolve));
      });
      await wasAppended;
      // While the transaction is open its row is invisible: a relay pass publishes nothing.
      expect(await publishPending(world.producer.sql, transport, 100)).toMatchObject({ published: 0 });
      expect(await outboxBacklog(world.producer.sql)).toBe(0);

      commit();
      await open;
      await world.relay(transport).start();
      await eventually(async () => expect(await world.handledTitles()).toEqual(['committed']));
      await eventually(async () => expect(await outboxBacklog(world.producer.sql)).toBe(0));
      expect(await world.producer.sql`select type from outbox`).toHaveLength(1); // no trace of the rollback
    });

    it('handles a backlog in fewer transactions, and an event that fails once costs the others nothing', async () => {
      let flakyRuns = 0;
      const handler: EventHandler<typeof ProductCreated> = async (event, tx) => {
        if (event.data.title === 'flaky' && ++flakyRuns === 1) throw new Error('first try fails');
        await tx`insert into handled (event_id, title, trace_id) values (${event.id}, ${event.data.title}, null)`;
      };
      const titles = Array.from({ length: 12 }, (_, i) =>
        i === 11 ? 'flaky' : `p${String(i).padStart(2, '0')}`,
      );
      await commitProducts(world, ...titles);
      // Everything is on the broker before the consumer starts: a backlog.
      await world.relay(world.transport()).start();
      await eventually(async () => expect(await outboxBacklog(world.producer.sql)).toBe(0));
      await world.consumer(world.transport(), { batch: true }).on(ProductCreated, handler).start();

      await eventually(async () => expect(await world.handledTitles()).toEqual([...titles].sort()));
      expect(flakyRuns).toBeGreaterThanOrEqual(2); // failed, then handled on a later delivery
      // Committed transactions: NATS hands the waiting events over together; pg-boss delivers them one by one.
      const [{ committed } = { committed: 0 }] = await world.consumerDb.sql<{ committed: number }[]>`
        select count(distinct xmin::text)::int as committed from handled`;
      if (kind.title === 'NATS JetStream') expect(committed).toBeLessThan(titles.length);
      else expect(committed).toBe(titles.length);
    });

    it('runs a batch by key: other keys at once on one transaction, one key in order, a failure one by one', async () => {
      let running = 0;
      let most = 0;
      let flakyRuns = 0;
      const hooks: string[] = [];
      const handler: EventHandler<typeof ProductCreated> = async (event, tx) => {
        afterCommit(tx, () => hooks.push(event.data.title));
        running += 1;
        most = Math.max(most, running);
        try {
          // Two statements each: the keys' statements interleave on the batch's connection.
          await tx`select pg_sleep(0.005)`;
          if (event.data.title === 'e:1' && ++flakyRuns === 1) throw new Error('first try fails');
          // A savepoint needs the transaction to itself: in a keyed batch it fails, alone it works.
          if (event.data.title === 'g:1')
            await tx.savepoint(
              (sp) => sp`insert into handled (event_id, title, trace_id) values (${event.id}, 'g:1', null)`,
            );
          else
            await tx`insert into handled (event_id, title, trace_id) values (${event.id}, ${event.data.title}, null)`;
        } finally {
          running -= 1;
        }
      };
      const titles = ['a:1', 'b:1', 'a:2', 'c:1', 'b:2', 'a:3', 'd:1', 'c:2', 'b:3', 'a:4'];
      await commitProducts(world, ...titles);
      await world.relay(world.transport()).start();
      await eventually(async () => expect(await outboxBacklog(world.producer.sql)).toBe(0));
      const byLetter = (envelope: EventEnvelope) => String((envelope.data as { title: string }).title[0]);
      await world
        .consumer(world.transport(), { batch: true, batchKey: byLetter })
        .on(ProductCreated, handler)
        .start();
      await eventually(async () => expect(await world.handledTitles()).toEqual([...titles].sort()));
      if (kind.title === 'NATS JetStream') {
        expect(most).toBeGreaterThan(1);
        const rows = await world.consumerDb.sql<{ tx: string; title: string }[]>`
          select xmin::text as tx, title from handled order by ctid`;
        const transactions = new Set(rows.map((row) => row.tx));
        expect(transactions.size).toBeLessThan(titles.length);
        // Within one transaction, each key's events ran in the order they were published.
        for (const tx of transactions) {
          const mine = rows.filter((row) => row.tx === tx).map((row) => row.title);
          for (const letter of ['a', 'b', 'c'])
            expect(mine.filter((t) => t.startsWith(letter))).toEqual(
              titles.filter((t) => t.startsWith(letter) && mine.includes(t)),
            );
        }
      }

      // A handler that fails (or opens a savepoint) sends its batch down the one-by-one path: every event
      // is still handled once.
      const more = ['e:1', 'a:5', 'b:4', 'f:1', 'g:1'];
      await commitProducts(world, ...more);
      await eventually(async () => expect(await world.handledTitles()).toEqual([...titles, ...more].sort()));
      expect(flakyRuns).toBeGreaterThanOrEqual(2);
      // After-commit hooks ran once per event: those of rolled-back batches never.
      expect([...hooks].sort()).toEqual([...titles, ...more].sort());
    });

    it('handles deliveries side by side when the consumer asks for it (NATS), each once', async () => {
      let running = 0;
      let most = 0;
      const handler: EventHandler<typeof ProductCreated> = async (event, tx) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
        await tx`insert into handled (event_id, title, trace_id) values (${event.id}, ${event.data.title}, null)`;
      };
      const titles = Array.from({ length: 8 }, (_, i) => `side ${i}`);
      await commitProducts(world, ...titles);
      await world.relay(world.transport()).start();
      await eventually(async () => expect(await outboxBacklog(world.producer.sql)).toBe(0));
      await world.consumer(world.transport(), { parallel: 4 }).on(ProductCreated, handler).start();

      await eventually(async () => expect(await world.handledTitles()).toEqual([...titles].sort()));
      if (kind.title === 'NATS JetStream') expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(4);
    });

    it('delivers events once after a relay crashed between commit and publish, or between publish and marking', async () => {
      const { handler, runs } = projection();
      await world.consumer(world.transport()).on(ProductCreated, handler).start();
      const crashed = world.relay(world.transport());
      await crashed.start();
      await crashed.stop(); // the relay dies; the service keeps committing

      const [unpublished, unmarked] = await commitProducts(world, 'never published', 'published, not marked');
      if (!unpublished || !unmarked) throw new Error('two events were appended');
      // The dying relay got one event to the broker but not its published_at into the database.
      await world.transport().publish(unmarked);
      expect(await outboxBacklog(world.producer.sql)).toBe(2);

      const restarted = world.relay(world.transport());
      await restarted.start();
      await eventually(async () =>
        expect(await world.handledTitles()).toEqual(['never published', 'published, not marked']),
      );
      await eventually(async () => expect(await restarted.backlog()).toBe(0));
      expect(runs('published, not marked')).toBe(1);
    });

    it('handles a redelivered event once: a lost ack and a duplicate publish leave one effect', async () => {
      const { handler, runs } = projection();
      const attempts: number[] = [];
      const consumer = world
        .consumer(losingFirstAck(world.transport(), attempts))
        .on(ProductCreated, handler);
      await consumer.start();
      const transport = world.transport();
      const [event] = await commitProducts(world, 'delivered twice');
      if (!event) throw new Error('one event was appended');
      await world.relay(transport).start();
      await transport.publish(event); // a second publish of the same envelope, as after a relay crash

      await eventually(() => expect(attempts).toContain(2)); // the broker really delivered it again
      await eventually(async () => expect(await consumer.lag()).toBe(0));
      expect(runs('delivered twice')).toBe(1);
      expect(await world.handledTitles()).toEqual(['delivered twice']);
      const inbox = await world.consumerDb.sql`select consumer from inbox where event_id = ${event.id}`;
      expect(inbox).toEqual([{ consumer: CONSUMER }]);
    });

    it('dead-letters a handler that keeps failing after maxAttempts, keeping its error, while other events flow', async () => {
      const { handler, runs } = projection({ failOn: 'poison' });
      const consumer = world.consumer(world.transport(), { maxAttempts: 3 }).on(ProductCreated, handler);
      await consumer.start();
      await world.relay(world.transport()).start();
      const [poison] = await commitProducts(world, 'poison', 'healthy 1', 'healthy 2');

      const letter = await eventually(async () => {
        const [row] = await listDeadLetters(world.consumerDb.sql, CONSUMER);
        if (!row) throw new Error('no dead letter yet');
        return row;
      });
      expect(letter).toMatchObject({ event_id: poison?.id, type: ProductCreated.type, attempts: 3 });
      expect(letter.error_message).toBe('projection exploded');
      expect(letter.error_stack).toContain('projection exploded');
      expect(letter.payload).toMatchObject({ id: poison?.id, data: { title: 'poison' } });
      expect(runs('poison')).toBe(3);

      await commitProducts(world, 'healthy 3');
      await eventually(async () =>
        expect(await world.handledTitles()).toEqual(['healthy 1', 'healthy 2', 'healthy 3']),
      );
      await eventually(async () => expect(await consumer.lag()).toBe(0));
      const inbox = await world.consumerDb.sql`select 1 from inbox where event_id = ${poison?.id ?? null}`;
      expect(inbox).toHaveLength(0); // a replay of the dead letter will run the handler
    });

    it('dead-letters an event whose data breaks its schema at once, without running the handler', async () => {
      const { handler, runs } = projection();
      await world.consumer(world.transport(), { maxAttempts: 5 }).on(ProductCreated, handler).start();
      const bad: EventEnvelope = {
        id: uuidv7(),
        type: ProductCreated.type,
        occurredAt: new Date().toISOString(),
        source: 'shop',
        data: { ...product('bad price'), price: { amount: 12.5, currency: 'KZT' } },
        headers: {},
      };
      await world.transport().publish(bad);
      await commitProducts(world, 'good');
      await world.relay(world.transport()).start();

      await eventually(async () => expect(await world.handledTitles()).toEqual(['good']));
      const letters = await eventually(async () => {
        const rows = await listDeadLetters(world.consumerDb.sql, CONSUMER);
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(letters[0]).toMatchObject({ event_id: bad.id, attempts: 1 });
      expect(letters[0]?.error_message).toMatch(/^invalid shop\.product\.created\.v1 data: \/price\/amount/);
      expect(runs('bad price')).toBe(0);
    });

    it('keeps events while the broker is unreachable and delivers them all once it is back', async () => {
      const { handler, runs } = projection();
      await world.consumer(world.transport()).on(ProductCreated, handler).start();
      const proxy = await TcpProxy.create(world.broker.address);
      world.defer(() => proxy.shutdown());
      // The relay's broker sits behind the proxy, which starts closed: the broker is down at start-up.
      const relay = world.relay(world.transport(proxy.port));
      await relay.start();
      // The relay stops at the first failure to keep order, so only the oldest row shows attempts.
      const triedAndKept = async (count: number): Promise<void> => {
        const rows = await world.producer.sql<{ attempts: number }[]>`
          select attempts from outbox where published_at is null order by id`;
        expect(rows).toHaveLength(count);
        expect(rows[0]?.attempts).toBeGreaterThan(0);
      };

      await commitProducts(world, 'during start-up outage');
      await eventually(() => triedAndKept(1));
      proxy.open();
      await eventually(async () => expect(await world.handledTitles()).toEqual(['during start-up outage']));

      proxy.close(); // the broker goes away while the relay runs
      await commitProducts(world, 'outage a');
      await commitProducts(world, 'outage b');
      await eventually(() => triedAndKept(2));
      expect(await relay.backlog()).toBe(2);
      proxy.open();

      await eventually(async () =>
        expect(await world.handledTitles()).toEqual(['during start-up outage', 'outage a', 'outage b']),
      );
      await eventually(async () => expect(await relay.backlog()).toBe(0));
      expect([runs('outage a'), runs('outage b')]).toEqual([1, 1]);
    });

    it('keeps events for a stopped consumer, counts them as its lag, and delivers them when it returns', async () => {
      const first = projection();
      const stopped = world.consumer(world.transport()).on(ProductCreated, first.handler);
      await stopped.start();
      await stopped.stop();
      await world.relay(world.transport()).start();
      await commitProducts(world, 'while away 1', 'while away 2', 'while away 3');
      await eventually(async () => expect(await stopped.lag()).toBe(3));

      const second = projection();
      const returned = world.consumer(world.transport()).on(ProductCreated, second.handler);
      await returned.start();
      await eventually(async () =>
        expect(await world.handledTitles()).toEqual(['while away 1', 'while away 2', 'while away 3']),
      );
      await eventually(async () => expect(await returned.lag()).toBe(0));
    });

    it('gives a consumer that subscribes for the first time the events published before it existed', async () => {
      await world.relay(world.transport()).start();
      await commitProducts(world, 'before anyone listened 1', 'before anyone listened 2');
      await eventually(async () => {
        const [row] = await world.producer.sql<{ waiting: number }[]>`
          select count(*)::int as waiting from outbox where published_at is null`;
        expect(row?.waiting).toBe(0);
      });
      const late = projection();
      await world.consumer(world.transport()).on(ProductCreated, late.handler).start();
      await eventually(async () =>
        expect(await world.handledTitles()).toEqual(['before anyone listened 1', 'before anyone listened 2']),
      );
    });

    it('carries events from the producer database to the consumer database through two relay replicas, in the trace that caused them', async () => {
      await world.producer.sql`create table products (id uuid primary key, title text not null)`;
      const { handler } = projection();
      await world.consumer(world.transport()).on(ProductCreated, handler).start();
      const published = new Map<string, number>();
      const counting = (transport: EventTransport): EventTransport => ({
        ...transport,
        publish: async (envelope) => {
          await transport.publish(envelope);
          published.set(envelope.id, (published.get(envelope.id) ?? 0) + 1);
        },
      });
      await world.relay(counting(world.transport()), { batchSize: 3 }).start();
      await world.relay(counting(world.transport()), { batchSize: 3 }).start();

      const titles = Array.from({ length: 12 }, (_, index) => `product ${String(index).padStart(2, '0')}`);
      const traceIds = await Promise.all(
        titles.map((title) =>
          trace.getTracer('test').startActiveSpan('POST /api/seller/products', async (span) => {
            const data = product(title);
            await withTransaction(world.producer.sql, async (tx) => {
              await tx`insert into products (id, title) values (${data.productId}, ${title})`;
              await appendEvent(tx, ProductCreated, data);
            });
            span.end();
            return span.spanContext().traceId;
          }),
        ),
      );

      await eventually(async () => expect(await world.handledTitles()).toEqual(titles));
      const rows = await world.consumerDb.sql<{ trace_id: string }[]>`select trace_id from handled`;
      expect(rows.map((row) => row.trace_id).sort()).toEqual([...traceIds].sort());
      expect([...published.values()]).toEqual(titles.map(() => 1)); // the replicas never published twice
      expect(await outboxBacklog(world.producer.sql)).toBe(0);
    });
  });
});
