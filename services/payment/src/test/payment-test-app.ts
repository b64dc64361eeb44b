/** A payment app on a fresh database, the sandbox bank delivering its webhooks by inject(), and tokens for anyone. */
import { DEMO_IDS, type NewPaymentIntent, type Role } from '@sauda/contracts';
import { createDb, eventMigrations, idempotencyMigrations, migrate, type App } from '@sauda/kit';
import { createTestDatabase, createTestTokens, type TestDatabase, type TestTokens } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../app.ts';
import type { PaymentContext } from '../context.ts';
import { createPaymentContext, type ProviderSettings } from '../providers/open-providers.ts';

export interface PaymentTestApp {
  app: App;
  db: TestDatabase;
  ctx: PaymentContext;
  tokens: TestTokens;
  /** A signed-in caller's bearer header. */
  as(role: Role, id?: string): Promise<{ authorization: string }>;
  /** Tokenises a card for a customer and returns the token. */
  cardToken(customerId: string, number: string): Promise<string>;
  /** A valid intent body for an order of `amount` split with one seller. */
  intentBody(customerId: string, overrides?: Partial<NewPaymentIntent>): NewPaymentIntent;
  /** Every event type in the outbox, in order. */
  events(): Promise<string[]>;
  close(): Promise<void>;
}

export const SELLER = DEMO_IDS.seller;

/** Settings with short provider timings, so every scenario runs quickly. */
export const testSettings: ProviderSettings = {
  PAYMENT_PROVIDER: 'sandbox',
  SANDBOX_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
  SANDBOX_WEBHOOK_URL: 'http://unused',
  SANDBOX_LATE_ANSWER_MS: 30,
  // Generous: under a loaded CI machine a normal bank answer must never look like a timeout.
  PROVIDER_TIMEOUT_MS: 1500,
  STRIPE_API_BASE: 'http://unused',
  RETURN_WINDOW_DAYS: 14,
  WEB_BASE_URL: '',
};

/** Builds the app over a new migrated database. */
export async function createPaymentTestApp(
  settings: Partial<ProviderSettings> = {},
): Promise<PaymentTestApp> {
  const db = await createTestDatabase('payment');
  await migrate(db.sql, new URL('../../migrations', import.meta.url), [
    ...eventMigrations,
    ...idempotencyMigrations,
  ]);
  const tokens = await createTestTokens();
  const holder: { app?: App } = {};
  const bankDb = createDb(db.url, { max: 3 });
  const deliver = async (body: string, signature: string) => {
    if (!holder.app) return false;
    const response = await holder.app.inject({
      method: 'POST',
      url: '/payment/webhooks/sandbox',
      headers: { 'content-type': 'application/json', 'sandbox-signature': signature },
      payload: body,
    });
    return response.statusCode === 200;
  };
  const ctx = createPaymentContext(db.sql, { ...testSettings, ...settings }, { bankDb, deliver });
  const built = await buildApp({ ctx, auth: tokens.verifier, logLevel: 'silent' });
  await built.ready();
  holder.app = built;
  const as = async (role: Role, id: string = uuidv7()) => ({
    authorization: `Bearer ${await tokens.sign({ id, roles: [role] })}`,
  });
  return {
    app: built,
    db,
    ctx,
    tokens,
    as,
    async cardToken(customerId, number) {
      const response = await built.inject({
        method: 'POST',
        url: '/payment/tokens',
        headers: await as('customer', customerId),
        payload: {
          card: { number, expMonth: 12, expYear: 2031, cvc: number.startsWith('3') ? '1234' : '123' },
        },
      });
      if (response.statusCode !== 201)
        throw new Error(`tokenise answered ${response.statusCode}: ${response.body}`);
      return response.json<{ token: string }>().token;
    },
    intentBody(customerId, overrides = {}) {
      return {
        orderId: uuidv7(),
        customerId,
        amount: { amount: 1_015_000, currency: 'KZT' },
        method: 'card',
        splits: [{ sellerId: SELLER, amount: { amount: 1_000_000, currency: 'KZT' } }],
        deliveryFee: { amount: 15_000, currency: 'KZT' },
        ...overrides,
      };
    },
    async events() {
      return (await db.sql<{ type: string }[]>`select type from outbox order by id`).map((r) => r.type);
    },
    close: async () => {
      await ctx.sandbox?.close();
      await built.close();
      tokens.verifier.close();
      await bankDb.end({ timeout: 5 });
      await db.drop();
    },
  };
}
