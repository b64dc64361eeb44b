/** A stock app on a fresh migrated database of the real PostgreSQL, with the demo seed and tokens. */
import { DEMO_IDS } from '@sauda/contracts';
import { eventMigrations, migrate, type App } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url);

export interface StockTestApp {
  app: App;
  db: TestDatabase;
  tokens: TestTokens;
  /** Bearer headers for the demo accounts. */
  as(who: 'seller' | 'otherSeller' | 'warehouseman' | 'admin' | 'customer'): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A second seller: owns nothing of the demo catalog. */
export const OTHER_SELLER = '01940000-0000-7000-8000-0000000000f2';

/** Builds the app over a new migrated, demo-seeded database (`pool` connections). */
export async function createStockTestApp(options: { seed?: boolean } = {}): Promise<StockTestApp> {
  const db = await createTestDatabase('stock');
  await migrate(db.sql, MIGRATIONS, eventMigrations);
  if (options.seed ?? true) await seedDemo(db.sql);
  const tokens = await createTestTokens();
  const app = await buildApp({ db: db.sql, auth: tokens.verifier, logLevel: 'silent' });
  await app.ready();
  const ids = {
    seller: { id: DEMO_IDS.seller, roles: ['seller'] as const },
    otherSeller: { id: OTHER_SELLER, roles: ['seller'] as const },
    warehouseman: { id: DEMO_IDS.warehouseman, roles: ['warehouseman'] as const },
    admin: { id: DEMO_IDS.admin, roles: ['admin'] as const },
    customer: { id: DEMO_IDS.customer, roles: ['customer'] as const },
  };
  return {
    app,
    db,
    tokens,
    as: async (who) => ({
      authorization: `Bearer ${await tokens.sign({ id: ids[who].id, roles: [...ids[who].roles] })}`,
    }),
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await db.drop();
    },
  };
}
