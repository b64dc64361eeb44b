/**
 * Idempotency keys with Stripe's semantics: the same key with the same request answers the stored first
 * answer; the same key with another request is IDEMPOTENCY_KEY_REUSED; concurrent duplicates wait on the
 * key's unique index and then replay, so the effect happens once. The key row is written in the same
 * transaction as the effect: a crash or an error rolls both back and the key can be retried.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { MigrationFile } from '../db/migrate.ts';
import { withTransaction, type Db, type Queryable, type Tx } from '../db/db.ts';
import { BadRequest, IdempotencyKeyReused } from '../http/errors.ts';

/** The stored answer of a first request. */
export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this answer is a replay of an earlier request's. */
  replayed: boolean;
}

/** What identifies one idempotent request. */
export interface IdempotentRequest {
  /** Separates key spaces: usually the route and the caller (`intents:create:<callerId>`). */
  scope: string;
  /** The client's Idempotency-Key. */
  key: string;
  /** The request content that must match on a replay (method, path, body). */
  fingerprint: unknown;
}

const table = `
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_hash text not null,
  response_status int not null default 0,
  response_body jsonb,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created_at on idempotency_keys (created_at);
`;

/** Pass with `eventMigrations` to `migrate()`: the idempotency key table. */
export const idempotencyMigrations: MigrationFile[] = [{ name: 'kit_0101_idempotency_keys.sql', sql: table }];

/** A stable hash of any JSON value: object keys sorted, so field order does not matter. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs `work` once per (scope, key) inside one transaction and stores its answer; a replay returns the
 * stored answer without running `work`. A concurrent duplicate blocks on the key row until the first commits.
 */
export async function withIdempotency<T>(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<IdempotentAnswer<T>> {
  const hash = fingerprintOf(request.fingerprint);
  return withTransaction(db, async (tx) => {
    const claimed = await tx`
      insert into idempotency_keys (scope, key, request_hash) values (${request.scope}, ${request.key}, ${hash})
      on conflict do nothing returning key`;
    if (claimed.length === 0) {
      const [stored] = await tx<{ request_hash: string; response_status: number; response_body: T }[]>`
        select request_hash, response_status, response_body from idempotency_keys
        where scope = ${request.scope} and key = ${request.key}`;
      if (!stored) throw new Error('idempotency key vanished while it was being read');
      if (stored.request_hash !== hash) throw new IdempotencyKeyReused();
      return { status: stored.response_status, body: stored.response_body, replayed: true };
    }
    const answer = await work(tx);
    await tx`
      update idempotency_keys
      set response_status = ${answer.status}, response_body = ${JSON.stringify(answer.body)}::text::jsonb
      where scope = ${request.scope} and key = ${request.key}`;
    return { ...answer, replayed: false };
  });
}

/**
 * Replaces the stored answer of a request that already committed its first one: for work finished after
 * the commit (a call no transaction should wait on), so that replays answer how it ended.
 */
export async function replaceAnswer<T>(
  db: Queryable,
  request: IdempotentRequest,
  answer: { status: number; body: T },
): Promise<void> {
  await db`
    update idempotency_keys
    set response_status = ${answer.status}, response_body = ${JSON.stringify(answer.body)}::text::jsonb
    where scope = ${request.scope} and key = ${request.key}`;
}

/**
 * The stored answer of an earlier request with this key, read without a lock (undefined when there is none):
 * lets a handler replay before doing slow preparation outside the transaction. `withIdempotency` stays the
 * authority: a duplicate that races past this read still waits on the key and replays there.
 */
export async function storedAnswer<T>(
  db: Db,
  request: IdempotentRequest,
): Promise<IdempotentAnswer<T> | undefined> {
  const [stored] = await db<{ request_hash: string; response_status: number; response_body: T }[]>`
    select request_hash, response_status, response_body from idempotency_keys
    where scope = ${request.scope} and key = ${request.key}`;
  if (!stored) return undefined;
  if (stored.request_hash !== fingerprintOf(request.fingerprint)) throw new IdempotencyKeyReused();
  return { status: stored.response_status, body: stored.response_body, replayed: true };
}

/** Reads the `Idempotency-Key` header; mutating routes that require one answer 400 without it. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\w.:-]{8,255}$/.test(key))
    throw new BadRequest('Send an Idempotency-Key header (8–255 letters, digits, or . : _ -)');
  return key;
}

/** Deletes keys older than `olderThanMs` (Stripe keeps them 24 hours); returns how many. */
export async function pruneIdempotencyKeys(db: Db, olderThanMs: number): Promise<number> {
  const result = await db`
    delete from idempotency_keys where created_at < now() - ${olderThanMs} * interval '1 millisecond'`;
  return result.count;
}
