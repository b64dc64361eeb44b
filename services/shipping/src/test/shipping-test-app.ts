/** A shipping app on a fresh migrated database of the real PostgreSQL, with tokens and event helpers. */
import {
  DEMO_IDS,
  DEMO_SITES,
  type EventData,
  type EventDefinition,
  type ParcelCreated,
  type Role,
  type TypedEnvelope,
} from '@sauda/contracts';
import { eventMigrations, migrate, withTransaction, type App, type EventHandler } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../app.ts';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { kazpostAdapter } from '../carriers/kazpost-adapter.ts';
import { KazPostSim } from '../carriers/kazpost-sim.ts';
import type { TrackPolicy } from '../tracking/track.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url);
export const KAZPOST_SECRET = 'kazpost-test-webhook-secret-0123456789';
/** Another customer: owns none of the test shipments. */
export const OTHER_CUSTOMER = '01940000-0000-7000-8000-0000000000c2';

export interface ShippingTestApp {
  app: App;
  db: TestDatabase;
  tokens: TestTokens;
  carriers: CarrierRegistry;
  sim: KazPostSim;
  policy: TrackPolicy;
  /** Bearer headers for a principal. */
  as(id: string, roles: Role[]): Promise<Record<string, string>>;
  /** Runs a handler on an envelope of `def` in one transaction, as the consumer would. */
  deliver<E extends EventDefinition>(def: E, handler: EventHandler<E>, data: EventData<E>): Promise<void>;
  /** Events appended to the outbox of a type, oldest first. */
  outbox<T = Record<string, unknown>>(type: string): Promise<T[]>;
  close(): Promise<void>;
}

/** Builds the app over a new migrated database. */
export async function createShippingTestApp(): Promise<ShippingTestApp> {
  const db = await createTestDatabase('shipping');
  await migrate(db.sql, MIGRATIONS, eventMigrations);
  const tokens = await createTestTokens();
  const sim = new KazPostSim();
  const carriers: CarrierRegistry = new Map([['kazpost', kazpostAdapter({ secret: KAZPOST_SECRET, sim })]]);
  const policy = { maxAttempts: 3 };
  const app = await buildApp({ db: db.sql, auth: tokens.verifier, carriers, policy, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    db,
    tokens,
    carriers,
    sim,
    policy,
    as: async (id, roles) => ({ authorization: `Bearer ${await tokens.sign({ id, roles })}` }),
    deliver: async (def, handler, data) => {
      const envelope = {
        id: uuidv7(),
        type: def.type,
        occurredAt: new Date().toISOString(),
        source: def.type.split('.')[0] ?? 'test',
        headers: {},
        data,
      } as TypedEnvelope<typeof def>;
      await withTransaction(db.sql, (tx) => handler(envelope, tx));
    },
    outbox: async <T>(type: string) =>
      (
        await db.sql<
          { payload: T }[]
        >`select payload from outbox where type = ${type} order by occurred_at, id`
      ).map((row) => row.payload),
    close: async () => {
      await app.close();
      tokens.verifier.close();
      await db.drop();
    },
  };
}

/** A parcel packed in Almaty for the demo customer in Almaty (override anything). */
export function parcelFor(
  overrides: Partial<EventData<typeof ParcelCreated>> = {},
): EventData<typeof ParcelCreated> {
  return {
    parcelId: uuidv7(),
    parcelCode: 'PC-TEST0001',
    orderId: uuidv7(),
    depotId: DEMO_SITES.depots.almaty,
    sellerIds: [DEMO_IDS.seller],
    lines: [{ lineId: uuidv7(), variantId: uuidv7(), quantity: 2 }],
    weightGrams: 1200,
    dimensionsCm: { l: 30, w: 20, h: 10 },
    recipient: {
      countryCode: 'KZ',
      city: 'Almaty',
      line1: 'Dostyk Ave 12, apt 4',
      lat: 43.2433,
      lng: 76.9567,
      recipientName: 'Dana Customer',
      phone: '+7 701 000 0000',
    },
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}
