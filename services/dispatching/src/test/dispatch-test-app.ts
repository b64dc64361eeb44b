/** A dispatching app on a fresh migrated, demo-seeded database of the real PostgreSQL, with tokens. */
import { DEMO_IDS, type Role } from '@sauda/contracts';
import { eventMigrations, idempotencyMigrations, migrate, type App } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { haversineProvider } from '../distances/distance-matrix.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url);

/** A driver of another centre's fleet (for ownership checks). */
export const OTHER_DRIVER = '01940000-0000-7000-8000-0000000000d9';

export interface DispatchTestApp {
  app: App;
  db: TestDatabase;
  tokens: TestTokens;
  /** Bearer headers for a demo account. */
  as(who: 'driver' | 'otherDriver' | 'dispatcher' | 'admin' | 'customer'): Promise<Record<string, string>>;
  /** Events appended to the outbox, by type. */
  events(type: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const PEOPLE: Record<string, { id: string; roles: Role[] }> = {
  driver: { id: DEMO_IDS.driver, roles: ['driver'] },
  otherDriver: { id: OTHER_DRIVER, roles: ['driver'] },
  dispatcher: { id: DEMO_IDS.dispatcher, roles: ['dispatcher'] },
  admin: { id: DEMO_IDS.admin, roles: ['admin'] },
  customer: { id: DEMO_IDS.customer, roles: ['customer'] },
};

/** Builds the app over a new database; `now` pins the clock. */
export async function createDispatchTestApp(options: { now?: () => Date } = {}): Promise<DispatchTestApp> {
  const db = await createTestDatabase('dispatching');
  await migrate(db.sql, MIGRATIONS, [...eventMigrations, ...idempotencyMigrations]);
  await seedDemo(db.sql, options.now?.() ?? new Date());
  const tokens = await createTestTokens();
  const app = await buildApp({
    db: db.sql,
    auth: tokens.verifier,
    distances: haversineProvider({ roadFactor: 1.35, speedKmh: 24 }),
    planBudgetMs: 300,
    liveFrameMs: 50,
    logLevel: 'silent',
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    tokens,
    as: async (who) => {
      const person = PEOPLE[who] ?? { id: DEMO_IDS.customer, roles: ['customer'] };
      return { authorization: `Bearer ${await tokens.sign(person)}` };
    },
    events: async (type) =>
      (
        await db.sql<{ payload: Record<string, unknown> }[]>`
        select payload from outbox where type = ${type} order by occurred_at, id`
      ).map((r) => r.payload),
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await db.drop();
    },
  };
}
