/** A shop app on a fresh database with the kit's tables, and tokens to call it as anyone. */
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import type { CatalogDeps } from '../http/catalog-module.ts';
import { createDb, eventMigrations, migrate, type App, type Db } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';

export interface ShopTestApp {
  app: App;
  db: TestDatabase;
  tokens: TestTokens;
  close(): Promise<void>;
}

/** Builds the app over a new migrated database. */
export async function createShopTestApp(options: Omit<CatalogDeps, 'db'> = {}): Promise<ShopTestApp> {
  const db = await createTestDatabase('shop');
  await migrate(db.sql, new URL('../../migrations', import.meta.url), eventMigrations);
  const tokens = await createTestTokens();
  const app = await buildApp({ db: db.sql, auth: tokens.verifier, logLevel: 'silent', ...options });
  await app.ready();
  return {
    app,
    db,
    tokens,
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await db.drop();
    },
  };
}

/** A shop over the demo catalog with a pool of its own. */
export type SeededShop = ShopTestApp & { pool: Db };

/**
 * The app over the demo catalog, with a pool of its own of `poolMax` connections (1: each socket write is one
 * round trip; many: transactions that really run at once). Close with `close()`.
 */
export async function createSeededShop(poolMax: number): Promise<SeededShop> {
  const t = await createShopTestApp();
  await seedDemo(t.db.sql);
  const pool = createDb(t.db.url, { max: poolMax });
  return {
    ...t,
    pool,
    close: async () => {
      await pool.end();
      await t.close();
    },
  };
}
