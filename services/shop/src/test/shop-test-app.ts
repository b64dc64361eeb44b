/** A shop app on a fresh database with the kit's tables, and tokens to call it as anyone. */
import { buildApp } from '../app.ts';
import type { CatalogDeps } from '../http/catalog-module.ts';
import { eventMigrations, migrate, type App } from '@sauda/kit';
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
