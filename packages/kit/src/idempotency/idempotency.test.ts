import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { IdempotencyKeyReused } from '../http/errors.ts';
import {
  fingerprintOf,
  idempotencyMigrations,
  pruneIdempotencyKeys,
  withIdempotency,
} from './idempotency.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('idem');
  await migrate(db.sql, new URL('./no-such-dir', import.meta.url), idempotencyMigrations);
  await db.sql`create table effects (id serial primary key, key text not null)`;
});
afterAll(() => db.drop());

const effect = (key: string) => async (tx: Parameters<Parameters<typeof withIdempotency>[2]>[0]) => {
  const [row] = await tx<{ id: number }[]>`insert into effects (key) values (${key}) returning id`;
  return { status: 201, body: { effectId: row?.id ?? 0 } };
};
const count = async (key: string) =>
  (await db.sql<{ n: number }[]>`select count(*)::int as n from effects where key = ${key}`)[0]?.n;

describe('idempotency keys', () => {
  it('answers the stored first answer when the same key and body come again', async () => {
    const request = { scope: 's', key: 'key-same-1', fingerprint: { a: 1, b: [1, 2] } };
    const first = await withIdempotency(db.sql, request, effect('same'));
    const second = await withIdempotency(
      db.sql,
      { ...request, fingerprint: { b: [1, 2], a: 1 } },
      effect('same'),
    );
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await count('same')).toBe(1);
  });

  it('refuses the same key with a different body with IDEMPOTENCY_KEY_REUSED', async () => {
    const request = { scope: 's', key: 'key-diff-1', fingerprint: { amount: 100 } };
    await withIdempotency(db.sql, request, effect('diff'));
    await expect(
      withIdempotency(db.sql, { ...request, fingerprint: { amount: 200 } }, effect('diff')),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await count('diff')).toBe(1);
  });

  it('keeps key spaces apart by scope', async () => {
    await withIdempotency(db.sql, { scope: 'a', key: 'key-scope-1', fingerprint: 1 }, effect('scope'));
    await withIdempotency(db.sql, { scope: 'b', key: 'key-scope-1', fingerprint: 2 }, effect('scope'));
    expect(await count('scope')).toBe(2);
  });

  it('runs the effect once when twenty duplicates arrive at the same moment', async () => {
    const request = { scope: 's', key: 'key-concurrent-1', fingerprint: { x: 'y' } };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => withIdempotency(db.sql, request, effect('concurrent'))),
    );
    expect(await count('concurrent')).toBe(1);
    expect(new Set(answers.map((a) => a.body.effectId)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });

  it('frees the key when the effect fails, so a retry can succeed', async () => {
    const request = { scope: 's', key: 'key-failing-1', fingerprint: {} };
    await expect(
      withIdempotency(db.sql, request, () => Promise.reject(new Error('provider down'))),
    ).rejects.toThrow('provider down');
    const retry = await withIdempotency(db.sql, request, effect('failing'));
    expect(retry.replayed).toBe(false);
    expect(await count('failing')).toBe(1);
  });

  it('fingerprints ignore key order and undefined fields', () => {
    expect(fingerprintOf({ a: 1, b: undefined, c: { d: 2, e: 3 } })).toBe(
      fingerprintOf({ c: { e: 3, d: 2 }, a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });

  it('prunes old keys only', async () => {
    await db.sql`update idempotency_keys set created_at = now() - interval '2 days' where key = 'key-same-1'`;
    expect(await pruneIdempotencyKeys(db.sql, 86_400_000)).toBe(1);
  });
});
