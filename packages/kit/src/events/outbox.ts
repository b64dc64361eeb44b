/** The transactional outbox: an event is stored in the same transaction as the state change it describes. */
import { context, propagation } from '@opentelemetry/api';
import type { EventData, EventDefinition, EventEnvelope, TypedEnvelope } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable, Tx } from '../db/db.ts';
import { InvalidEventData, schemaProblem } from './validate.ts';

/** Optional envelope fields; the defaults suit almost every caller. */
export interface AppendOptions {
  /** The publishing service; defaults to the event type's prefix (`shop` for `shop.product.created.v1`). */
  source?: string;
  /** When the fact happened; defaults to now. */
  occurredAt?: Date;
  /** Extra headers, merged under the trace context headers. */
  headers?: Record<string, string>;
}

/** One outbox row as the relay reads it. */
export interface OutboxRow {
  id: string;
  type: string;
  source: string;
  payload: unknown;
  headers: Record<string, string>;
  occurred_at: Date;
}

/**
 * Validates `data`, mints a UUIDv7, captures the active trace context and inserts the event into the
 * outbox inside `tx`: it is published only if and after `tx` commits.
 */
export async function appendEvent<E extends EventDefinition>(
  tx: Tx,
  def: E,
  data: EventData<E>,
  options: AppendOptions = {},
): Promise<TypedEnvelope<E>> {
  const problem = schemaProblem(def.schema, data);
  if (problem !== null) throw new InvalidEventData(def.type, problem);
  const headers: Record<string, string> = { ...options.headers };
  propagation.inject(context.active(), headers);
  const envelope: TypedEnvelope<E> = {
    id: uuidv7(),
    type: def.type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    source: options.source ?? def.type.slice(0, def.type.indexOf('.')),
    data,
    headers,
  };
  // `::text` first: a parameter postgres.js sees as jsonb would be JSON-encoded a second time.
  await tx`
    insert into outbox (id, type, source, payload, headers, occurred_at)
    values (${envelope.id}, ${envelope.type}, ${envelope.source}, ${JSON.stringify(data)}::text::jsonb,
            ${JSON.stringify(headers)}::text::jsonb, ${envelope.occurredAt}::timestamptz)`;
  return envelope;
}

/** Rebuilds the envelope a row was appended with. */
export function envelopeOf(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    source: row.source,
    data: row.payload,
    headers: row.headers,
  };
}

/** Events committed but not yet acknowledged by the broker: the `outbox_backlog` gauge. */
export async function outboxBacklog(db: Queryable): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from outbox where published_at is null`;
  return row?.n ?? 0;
}

/** Deletes published rows older than `olderThanMs` (they only serve debugging); returns how many. */
export async function pruneOutbox(db: Queryable, olderThanMs: number): Promise<number> {
  const result = await db`
    delete from outbox
    where published_at is not null and published_at < now() - ${olderThanMs} * interval '1 millisecond'`;
  return result.count;
}
