import { ProductCreated } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { eventually } from '../testing/brokers.ts';
import { product } from './contract-support.ts';
import { eventMigrations, OUTBOX_CHANNEL } from './migrations.ts';
import { appendEvent, outboxBacklog } from './outbox.ts';
import { InvalidEventData } from './validate.ts';

describe('appendEvent', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('outbox');
    await migrate(db.sql, new URL('./no-such-dir/', import.meta.url), eventMigrations);
  });
  afterAll(async () => db.drop());

  it('refuses data that breaks the event schema, so nothing invalid is ever stored', async () => {
    const data = { ...product('fractional price'), price: { amount: 12.5, currency: 'KZT' as const } };
    const append = withTransaction(db.sql, (tx) => appendEvent(tx, ProductCreated, data));
    await expect(append).rejects.toBeInstanceOf(InvalidEventData);
    await expect(append).rejects.toThrow('/price/amount');
    expect(await outboxBacklog(db.sql)).toBe(0);
  });

  it('stores a UUIDv7 envelope from the publishing service and wakes the relay when it commits', async () => {
    const signals: string[] = [];
    const listener = await db.sql.listen(OUTBOX_CHANNEL, (payload) => signals.push(payload));
    const data = product('lamp');
    const envelope = await withTransaction(db.sql, (tx) => appendEvent(tx, ProductCreated, data));
    await eventually(() => expect(signals).toEqual(['']));
    await listener.unlisten();

    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelope).toMatchObject({ type: 'shop.product.created.v1', source: 'shop', data });
    const [row] =
      await db.sql`select type, source, payload, published_at from outbox where id = ${envelope.id}`;
    expect(row).toEqual({ type: ProductCreated.type, source: 'shop', payload: data, published_at: null });
  });
});
