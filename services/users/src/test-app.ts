/** Test support: the users app on a fresh database of the real PostgreSQL, with a movable clock. */
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { eventMigrations, migrate, type App } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '@sauda/contracts';
import { buildApp } from './app.ts';
import { issueAccessToken } from './tokens/issue-access-token.ts';
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

/** A migrated database and the app on it; `env` overrides configuration; the clock may be frozen. */
export async function startTestUsers(
  env: Record<string, string> = {},
  options: { frozenClock?: boolean } = {},
): Promise<TestUsers> {
  const database = await createTestDatabase('users');
  await migrate(database.sql, MIGRATIONS, eventMigrations);
  const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const keys = await loadSigningKeys({
    kind: 'json',
    json: JSON.stringify({ keys: [await generateSigningKey()] }),
  });
  let offsetMs = 0;
  const startedAt = Date.now();
  const app = await buildApp({
    config,
    db: database.sql,
    keys,
    // A frozen clock moves only by advance(), so time-window assertions do not depend on machine speed.
    clock: options.frozenClock ? () => new Date(startedAt + offsetMs) : () => new Date(Date.now() + offsetMs),
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

/** An access token for a seeded account, signed with the app's own key (as a sign-in would give). */
export async function tokenFor(
  users: TestUsers,
  account: {
    id: string;
    email?: string;
    roles: Role[];
    depotId?: string | null;
    sortingCentreId?: string | null;
  },
): Promise<string> {
  return issueAccessToken(
    { keys: users.keys, issuer: 'sauda-users', audience: 'sauda', ttlSeconds: 900 },
    {
      accountId: account.id,
      email: account.email ?? `${account.id}@example.kz`,
      name: 'Test',
      roles: account.roles,
      sessionId: uuidv7(),
      depotId: account.depotId ?? null,
      sortingCentreId: account.sortingCentreId ?? null,
    },
    new Date(),
  );
}

/** Calls the app with a bearer token. */
export function callAs(
  app: App,
  token: string | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  return app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** The payload of the newest outbox event of a type whose data matches `where`. */
export async function lastEvent<T = Record<string, unknown>>(
  users: TestUsers,
  type: string,
  where: Record<string, string> = {},
): Promise<T | undefined> {
  const rows = await users.database.sql<{ payload: Record<string, unknown> }[]>`
    select payload from outbox where type = ${type} order by id desc`;
  const found = rows.find((row) => Object.entries(where).every(([key, value]) => row.payload[key] === value));
  return found?.payload as T | undefined;
}

/** The token inside the newest mail link of a template sent to an address. */
export async function mailedToken(users: TestUsers, to: string, template: string): Promise<string> {
  const mail = await lastEvent<{ link?: string }>(users, 'users.notification.requested.v1', { to, template });
  const token = mail?.link ? new URL(mail.link, 'http://x').searchParams.get('token') : null;
  if (!token) throw new Error(`no ${template} mail to ${to}`);
  return token;
}
