/** Test support: the users app on a fresh database of the real PostgreSQL, with a movable clock. */
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { eventMigrations, migrate, type App } from '@sauda/kit';
import { buildApp } from './app.ts';
import { parseConfig, type UsersConfig } from './config.ts';
import { generateSigningKey, loadSigningKeys, type SigningKeys } from './tokens/load-signing-keys.ts';

export const MIGRATIONS = new URL('../migrations', import.meta.url);

export interface TestUsers {
  app: App;
  database: TestDatabase;
  keys: SigningKeys;
  config: Readonly<UsersConfig>;
  /** Moves the clock the app sees forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A migrated database and the app on it; `env` overrides configuration. */
export async function startTestUsers(env: Record<string, string> = {}): Promise<TestUsers> {
  const database = await createTestDatabase('users');
  await migrate(database.sql, MIGRATIONS, eventMigrations);
  const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const keys = await loadSigningKeys({
    kind: 'json',
    json: JSON.stringify({ keys: [await generateSigningKey()] }),
  });
  let offsetMs = 0;
  const app = await buildApp({
    config,
    db: database.sql,
    keys,
    clock: () => new Date(Date.now() + offsetMs),
  });
  await app.ready();
  return {
    app,
    database,
    keys,
    config,
    advance: (ms) => {
      offsetMs += ms;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** POSTs JSON to the app. */
export function postJson(app: App, url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: body as object, headers });
}

let counter = 0;

/** A registration body with a fresh address. */
export function newRegistration(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `person${counter}.${Date.now()}@example.kz`,
    password: 'correct-horse-42',
    name: 'Aliya Nurlanovna',
    ...overrides,
  };
}
