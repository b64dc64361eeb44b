/** One orders instance for the saga tests, wired as main.ts wires it (with short retry timings). */
import {
  createConsumer,
  createDb,
  createRelay,
  type App,
  type EventTransport,
  type TokenVerifier,
} from '@sauda/kit';
import { testLogger } from '@sauda/kit/testing';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { OrdersContext } from '../context.ts';
import { fulfilmentHandlers, sagaHandlers } from '../events/subscribe.ts';
import { startSagaLoop } from '../saga-loop.ts';
import { createOrdersContext } from '../wiring.ts';

export interface RunningOrders {
  app: App;
  ctx: OrdersContext;
  /** Stops this instance without any goodbye (consumers, saga loop, pool): what a crash leaves behind. */
  crash(): Promise<void>;
}

/** Starts orders on `db`; `saga: false` leaves steps to another instance (a process that died after commit). */
export async function startOrders(options: {
  db: string;
  transport: EventTransport;
  verifier: TokenVerifier & { close(): void };
  urls: { users: string; shop: string; stock: string; payment: string };
  secret: string;
  saga: boolean;
  settings: Record<string, number>;
}): Promise<RunningOrders> {
  const config = readConfig({
    DATABASE_URL: options.db,
    LOG_LEVEL: 'silent',
    USERS_URL: options.urls.users,
    SHOP_URL: options.urls.shop,
    STOCK_URL: options.urls.stock,
    PAYMENT_URL: options.urls.payment,
    SERVICE_CLIENT_SECRET: options.secret,
    SAGA_SWEEP_MS: '200',
    SAGA_RETRY_MIN_MS: '100',
    SAGA_RETRY_MAX_MS: '400',
    // Generous: on a loaded machine a slow answer must not look like an outage (the tests stop payment for that).
    UPSTREAM_TIMEOUT_MS: '10000',
    ...Object.fromEntries(Object.entries(options.settings).map(([k, v]) => [k, String(v)])),
  });
  const db = createDb(options.db, { max: 4 });
  const { ctx, close } = createOrdersContext(db, config, (orderId) => void db.notify('orders_saga', orderId));
  const app = await buildApp({ ctx, auth: options.verifier, logLevel: 'silent' });
  await app.ready();
  const relay = createRelay({ db, transport: options.transport, logger: testLogger, pollMs: 50 });
  const retry = { initialMs: 100, maxMs: 1000 };
  const consumers = [
    sagaHandlers(
      createConsumer({
        db,
        transport: options.transport,
        service: 'orders',
        name: 'saga',
        logger: testLogger,
        retry,
        maxAttempts: 50,
      }),
      ctx,
    ),
    fulfilmentHandlers(
      createConsumer({
        db,
        transport: options.transport,
        service: 'orders',
        name: 'fulfilment',
        logger: testLogger,
        retry,
        maxAttempts: 50,
      }),
      ctx,
    ),
  ];
  await relay.start();
  await Promise.all(consumers.map((c) => c.start()));
  const saga = options.saga ? await startSagaLoop(db, ctx, config.SAGA_SWEEP_MS) : undefined;
  let crashed = false;
  return {
    app,
    ctx,
    async crash() {
      if (crashed) return;
      crashed = true;
      await saga?.stop();
      await Promise.all(consumers.map((c) => c.stop()));
      await relay.stop();
      await app.close();
      await close();
      await db.end({ timeout: 1 });
    },
  };
}
