/**
 * The real services around `orders`, in this process, for the saga tests: users (tokens, addresses, service
 * tokens), shop (quotes, codes), stock (reservations), payment (sandbox bank) — each on its own fresh
 * database, all on one private pg-boss bus, each wired as its main.ts wires it. Payment sits behind a TCP
 * proxy so a test can stop it; orders itself can be started, crashed and started again on its database.
 */
import type { AddressInfo } from 'node:net';
import {
  createConsumer,
  createDb,
  createJwksVerifier,
  createPgBossTransport,
  createRelay,
  eventMigrations,
  idempotencyMigrations,
  migrate,
  type App,
  type Consumer,
  type Db,
  type EventTransport,
} from '@sauda/kit';
import { createTestDatabase, TcpProxy, testLogger, type TestDatabase } from '@sauda/kit/testing';
import { buildApp as buildPayment } from '../../../payment/src/app.ts';
import { onGiftCardRedeemed } from '../../../payment/src/events/giftcard-redeemed.ts';
import { createPaymentContext } from '../../../payment/src/providers/open-providers.ts';
import { GiftCardRedeemed } from '@sauda/contracts';
import { buildApp as buildShop } from '../../../shop/src/app.ts';
import { seedCommerceDemo } from '../../../shop/src/demo/seed-commerce.ts';
import { seedDemo as seedShop } from '../../../shop/src/demo/seed-demo.ts';
import { registerCommerceHandlers } from '../../../shop/src/events/commerce-consumer.ts';
import { parseVatRates } from '../../../shop/src/quotes/vat-rates.ts';
import { buildApp as buildStock } from '../../../stock/src/app.ts';
import { seedDemo as seedStock } from '../../../stock/src/demo/seed-demo.ts';
import { reservationHandlers } from '../../../stock/src/events/subscribe.ts';
import { expireReservations } from '../../../stock/src/reservations/expire-reservations.ts';
import { seedDemoAccounts } from '../../../users/src/accounts/seed-demo-accounts.ts';
import { buildApp as buildUsers } from '../../../users/src/app.ts';
import { parseConfig } from '../../../users/src/config.ts';
import { issueAccessToken } from '../../../users/src/tokens/issue-access-token.ts';
import { generateSigningKey, loadSigningKeys } from '../../../users/src/tokens/load-signing-keys.ts';
import { startOrders, type RunningOrders } from './start-orders.ts';

const SERVICE_SECRET = 'orders-test-secret-0123456789';

/** One service of the system: its database, app, event relay and consumers. */
interface Part {
  db: TestDatabase;
  app: App;
  url: string;
  close(): Promise<void>;
}

export interface TestSystem {
  urls: { users: string; shop: string; stock: string; payment: string };
  dbs: { shop: Db; stock: Db; payment: Db; orders: TestDatabase };
  /** Cuts payment off (connections refused) and lets it through again. */
  paymentProxy: TcpProxy;
  /** A customer's bearer token (roles customer). */
  token(id: string, roles?: Array<'customer' | 'seller' | 'admin'>): Promise<string>;
  /** A fresh transport on the system's bus (for orders instances). */
  transport(): EventTransport;
  /** Starts an orders instance on the orders database (several may run: replicas, or after a crash). */
  startOrders(options?: { saga?: boolean; settings?: Record<string, number> }): Promise<RunningOrders>;
  /** Runs stock's expiry sweep now. */
  expireReservations(): Promise<number>;
  close(): Promise<void>;
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Starts users, shop, stock and payment with their events on one private bus. */
export async function startTestSystem(): Promise<TestSystem> {
  const bus = await createTestDatabase('bus');
  const schema = `pgboss_${Math.random().toString(36).slice(2, 8)}`;
  const transports: EventTransport[] = [];
  const transport = () => {
    const made = createPgBossTransport({
      connectionString: bus.url,
      schema,
      logger: testLogger,
      pollMs: 25,
      // The test server is shared: every transport keeps its connections few.
      maxConnections: 2,
    });
    transports.push(made);
    return made;
  };
  const wire = async (service: string, db: Db, register: (consumer: (name: string) => Consumer) => void) => {
    const t = transport();
    const relay = createRelay({ db, transport: t, logger: testLogger, pollMs: 50 });
    const consumers: Consumer[] = [];
    register((name) => {
      const consumer = createConsumer({
        db,
        transport: t,
        service,
        name,
        logger: testLogger,
        retry: { initialMs: 100, maxMs: 1000 },
      });
      consumers.push(consumer);
      return consumer;
    });
    await relay.start();
    await Promise.all(consumers.map((c) => c.start()));
    return async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await relay.stop();
    };
  };

  // users
  const usersDb = await createTestDatabase('users');
  await migrate(usersDb.sql, new URL('../../../users/migrations', import.meta.url), eventMigrations);
  await seedDemoAccounts(usersDb.sql);
  const keys = await loadSigningKeys({
    kind: 'json',
    json: JSON.stringify({ keys: [await generateSigningKey()] }),
  });
  const usersConfig = parseConfig({
    DATABASE_URL: usersDb.url,
    LOG_LEVEL: 'silent',
    SERVICE_CLIENT_SECRETS: `orders:${SERVICE_SECRET}`,
  });
  const usersApp = await buildUsers({ config: usersConfig, db: usersDb.sql, keys });
  const usersUrl = await listen(usersApp);
  const verifier = () =>
    createJwksVerifier({
      fetchKeys: () => Promise.resolve(keys.jwks),
      issuer: 'sauda-users',
      audience: 'sauda',
    });

  // shop
  const shopDb = await createTestDatabase('shop');
  await migrate(shopDb.sql, new URL('../../../shop/migrations', import.meta.url), eventMigrations);
  await seedShop(shopDb.sql);
  await seedCommerceDemo(shopDb.sql);
  const shopApp = await buildShop({
    db: shopDb.sql,
    auth: verifier(),
    logLevel: 'silent',
    vatRates: parseVatRates('KZ:1200'),
  });
  const shopStop = await wire('shop', shopDb.sql, (c) => registerCommerceHandlers(c('commerce'), testLogger));
  const shop: Part = { db: shopDb, app: shopApp, url: await listen(shopApp), close: shopStop };

  // stock
  const stockDb = await createTestDatabase('stock');
  await migrate(stockDb.sql, new URL('../../../stock/migrations', import.meta.url), eventMigrations);
  await seedStock(stockDb.sql);
  const stockApp = await buildStock({ db: stockDb.sql, auth: verifier(), logLevel: 'silent' });
  const stockStop = await wire('stock', stockDb.sql, (c) => reservationHandlers(c('reservations'), 60_000));
  const stock: Part = { db: stockDb, app: stockApp, url: await listen(stockApp), close: stockStop };

  // payment, behind a proxy
  const paymentDb = await createTestDatabase('payment');
  await migrate(paymentDb.sql, new URL('../../../payment/migrations', import.meta.url), [
    ...eventMigrations,
    ...idempotencyMigrations,
  ]);
  const bankDb = createDb(paymentDb.url, { max: 3 });
  const holder: { url?: string } = {};
  const paymentCtx = createPaymentContext(
    paymentDb.sql,
    {
      PAYMENT_PROVIDER: 'sandbox',
      SANDBOX_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
      SANDBOX_WEBHOOK_URL: 'http://unused',
      SANDBOX_LATE_ANSWER_MS: 30,
      PROVIDER_TIMEOUT_MS: 2000,
      STRIPE_API_BASE: 'http://unused',
      RETURN_WINDOW_DAYS: 14,
      WEB_BASE_URL: '',
    },
    {
      bankDb,
      deliver: async (body, signature) => {
        const response = await fetch(`${holder.url}/payment/webhooks/sandbox`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'sandbox-signature': signature },
          body,
        });
        return response.ok;
      },
    },
  );
  const paymentApp = await buildPayment({ ctx: paymentCtx, auth: verifier(), logLevel: 'silent' });
  const paymentStop = await wire('payment', paymentDb.sql, (c) => {
    c('wallet-credits').on(GiftCardRedeemed, onGiftCardRedeemed);
  });
  const paymentDirect = await listen(paymentApp);
  holder.url = paymentDirect;
  const paymentProxy = await TcpProxy.create({
    host: '127.0.0.1',
    port: Number(new URL(paymentDirect).port),
  });
  paymentProxy.open();
  const payment: Part = {
    db: paymentDb,
    app: paymentApp,
    url: `http://127.0.0.1:${paymentProxy.port}`,
    close: paymentStop,
  };

  const ordersDb = await createTestDatabase('orders');
  await migrate(ordersDb.sql, new URL('../../migrations', import.meta.url), [
    ...eventMigrations,
    ...idempotencyMigrations,
  ]);
  const running: RunningOrders[] = [];
  const urls = { users: usersUrl, shop: shop.url, stock: stock.url, payment: payment.url };

  return {
    urls,
    dbs: { shop: shopDb.sql, stock: stockDb.sql, payment: paymentDb.sql, orders: ordersDb },
    paymentProxy,
    transport,
    token: (id, roles = ['customer']) =>
      issueAccessToken(
        { keys, issuer: 'sauda-users', audience: 'sauda', ttlSeconds: 900 },
        { accountId: id, email: `${id.slice(-4)}@example.kz`, name: 'Test Customer', roles, sessionId: id },
        new Date(),
      ),
    async startOrders(options = {}) {
      const orders = await startOrders({
        db: ordersDb.url,
        transport: transport(),
        verifier: verifier(),
        urls,
        secret: SERVICE_SECRET,
        saga: options.saga ?? true,
        settings: options.settings ?? {},
      });
      running.push(orders);
      return orders;
    },
    expireReservations: () => expireReservations(stockDb.sql),
    async close() {
      for (const orders of running) await orders.crash();
      for (const part of [shop, stock, payment]) await part.close();
      await paymentCtx.sandbox?.close();
      await Promise.all([usersApp.close(), shopApp.close(), stockApp.close(), paymentApp.close()]);
      await paymentProxy.shutdown();
      await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
      await bankDb.end({ timeout: 1 });
      for (const db of [usersDb, shopDb, stockDb, paymentDb, ordersDb, bus]) await db.drop();
    },
  };
}
