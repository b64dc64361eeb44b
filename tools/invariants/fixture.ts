/** Test support: a fresh set of `<prefix>_<service>` databases with the services' real migrations. */
import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import '../../packages/kit/src/testing/provided.ts';
import { createDb, eventMigrations, migrate, type Db } from '@sauda/kit';
import { withDatabase } from '../runner/databases.ts';
import { checkInvariants } from './check-invariants.ts';
import type { InvariantResult } from './types.ts';

/** One throwaway system's databases. */
export interface FixtureSystem {
  adminUrl: string;
  prefix: string;
  db(service: string): Db;
  /** Runs the checker over these databases and answers the named invariant's result. */
  check(name: string, options?: { since?: Date; settledBefore?: Date }): Promise<InvariantResult>;
  drop(): Promise<void>;
}

/** Creates and migrates the databases of `services` (plus an empty `bus`) under a random prefix. */
export async function createFixtureSystem(services: readonly string[]): Promise<FixtureSystem> {
  const adminUrl = inject('databaseAdminUrl');
  const prefix = `inv_${randomBytes(4).toString('hex')}`;
  const names = [...services, 'bus'].map((s) => `${prefix}_${s}`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  for (const name of names) await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const pools = new Map<string, Db>();
  for (const service of [...services, 'bus']) {
    const db = createDb(withDatabase(adminUrl, `${prefix}_${service}`), { max: 2 });
    pools.set(service, db);
    if (service !== 'bus')
      await migrate(db, new URL(`../../services/${service}/migrations/`, import.meta.url), eventMigrations);
  }
  return {
    adminUrl,
    prefix,
    db(service) {
      const db = pools.get(service);
      if (!db) throw new Error(`no ${service} database in this fixture`);
      return db;
    },
    async check(name, options = {}) {
      const results = await checkInvariants({ adminUrl, dbPrefix: prefix, ...options });
      const result = results.find((r) => r.name === name);
      if (!result) throw new Error(`no invariant named "${name}"`);
      return result;
    },
    async drop() {
      await Promise.all([...pools.values()].map((db) => db.end({ timeout: 5 })));
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      for (const name of names) await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** A minimal valid `orders` row; `over` replaces any column. */
export async function insertOrder(
  orders: Db,
  over: Partial<Record<string, unknown>> = {},
): Promise<{ id: string; number: string }> {
  const id = randomUUID();
  const row: Record<string, unknown> = {
    id,
    number: `SD-${randomBytes(4).toString('hex').toUpperCase()}`,
    customer_id: randomUUID(),
    status: 'confirmed',
    currency: 'KZT',
    shipping_address: {},
    delivery: {},
    payment_method: 'card',
    subtotal: 10_000,
    discount: 0,
    gift_card_amount: 0,
    delivery_fee: 0,
    vat: 0,
    total: 10_000,
    payable: 10_000,
    sellers: [],
    saga_state: 'done',
    saga_next_at: null,
    ...over,
  };
  await orders`insert into orders ${orders(row as Record<string, postgres.SerializableParameter>)}`;
  return { id, number: String(row['number']) };
}

/** A payment intent of an order; `over` replaces any column. */
export async function insertIntent(
  payment: Db,
  orderId: string,
  over: Partial<Record<string, unknown>> = {},
): Promise<string> {
  const id = randomUUID();
  const row: Record<string, unknown> = {
    id,
    order_id: orderId,
    customer_id: randomUUID(),
    method: 'card',
    provider: 'sandbox',
    currency: 'KZT',
    amount: 10_000,
    amount_captured: 0,
    amount_refunded: 0,
    status: 'authorized',
    ...over,
  };
  await payment`insert into payment_intents ${payment(row as Record<string, postgres.SerializableParameter>)}`;
  return id;
}
