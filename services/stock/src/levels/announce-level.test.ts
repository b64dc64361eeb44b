import { DEMO_SITES, demoVariantId } from '@sauda/contracts';
import { eventMigrations, migrate, withTransaction } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { MIGRATIONS } from '../test/stock-test-app.ts';
import { applyMovement } from './movement.ts';

describe('stock.level.changed.v1: one event per variant per transaction, with the level it ends with', () => {
  let db: TestDatabase;
  const almaty = DEMO_SITES.depots.almaty;
  const a = demoVariantId(1);
  const b = demoVariantId(2);

  beforeAll(async () => {
    db = await createTestDatabase('stock');
    await migrate(db.sql, MIGRATIONS, eventMigrations);
    await seedDemo(db.sql);
  });
  afterAll(async () => db.drop());
  beforeEach(async () => {
    await db.sql`delete from outbox`;
  });

  const available = async (variantId: string) => {
    const [row] = await db.sql<{ n: number }[]>`
      select sum(on_hand - reserved - committed - unavailable)::int as n from stock_levels where variant_id = ${variantId}`;
    return row?.n ?? 0;
  };
  const announced = () =>
    db.sql<{ payload: { variantId: string; available: number } }[]>`
      select payload from outbox where type = 'stock.level.changed.v1' order by id`;

  it('announces every demo variant with opening stock when the demo is seeded', async () => {
    const fresh = await createTestDatabase('stock');
    try {
      await migrate(fresh.sql, MIGRATIONS, eventMigrations);
      await seedDemo(fresh.sql);
      const rows = await fresh.sql<{ n: number }[]>`
        select count(distinct payload ->> 'variantId')::int as n from outbox where type = 'stock.level.changed.v1'`;
      expect(rows[0]?.n).toBe(35);
    } finally {
      await fresh.drop();
    }
  });

  it('coalesces two changes of one variant into one event and announces each variant once', async () => {
    const [startA, startB] = [await available(a), await available(b)];
    await withTransaction(db.sql, async (tx) => {
      expect(
        await applyMovement(tx, {
          variantId: a,
          depotId: almaty,
          kind: 'reservation',
          delta: { reserved: 2 },
        }),
      ).toBe(true);
      expect(
        await applyMovement(tx, {
          variantId: a,
          depotId: almaty,
          kind: 'reservation',
          delta: { reserved: 1 },
        }),
      ).toBe(true);
      expect(
        await applyMovement(tx, {
          variantId: b,
          depotId: almaty,
          kind: 'reservation',
          delta: { reserved: 1 },
        }),
      ).toBe(true);
    });
    expect((await announced()).map((r) => r.payload)).toEqual([
      expect.objectContaining({ variantId: a, available: startA - 3 }),
      expect.objectContaining({ variantId: b, available: startB - 1 }),
    ]);
  });

  it('takes back a rolled-back savepoint’s change, and stays silent when availability does not move', async () => {
    const start = await available(a);
    await withTransaction(db.sql, async (tx) => {
      await applyMovement(tx, { variantId: a, depotId: almaty, kind: 'release', delta: { reserved: -1 } });
      await tx
        .savepoint(async (sp) => {
          await applyMovement(sp, {
            variantId: a,
            depotId: almaty,
            kind: 'reservation',
            delta: { reserved: 5 },
          });
          throw new Error('roll this back');
        })
        .catch(() => undefined);
      // Reserved → committed: the same units stay unsellable.
      await applyMovement(tx, {
        variantId: a,
        depotId: almaty,
        kind: 'commit',
        delta: { reserved: -1, committed: 1 },
      });
    });
    expect((await announced()).map((r) => r.payload)).toEqual([
      expect.objectContaining({ variantId: a, available: start + 1 }),
    ]);
    await withTransaction(db.sql, async (tx) => {
      await applyMovement(tx, {
        variantId: a,
        depotId: almaty,
        kind: 'commit',
        delta: { reserved: -1, committed: 1 },
      });
    });
    expect(await announced()).toHaveLength(1);
  });

  it('announces separate transactions separately', async () => {
    for (const quantity of [1, 2])
      await withTransaction(db.sql, (tx) =>
        applyMovement(tx, { variantId: b, depotId: almaty, kind: 'receipt', delta: { onHand: quantity } }),
      );
    expect(await announced()).toHaveLength(2);
  });
});
