/** Builds the orders context from configuration: the HTTP clients of the other services and the settings. */
import { createHttpClient, createServiceTokenSource, serviceCredentials, type Db } from '@sauda/kit';
import { paymentPort } from './clients/payment.ts';
import { shopPort } from './clients/shop.ts';
import { stockPort } from './clients/stock.ts';
import { usersPort } from './clients/users.ts';
import type { OrdersConfig } from './config.ts';
import type { OrdersContext } from './context.ts';

/** The context and a closer for its clients; `kick` is wired by the caller (the saga runner). */
export function createOrdersContext(
  db: Db,
  config: OrdersConfig,
  kick: (orderId: string) => void,
): { ctx: OrdersContext; close: () => Promise<void> } {
  const tokenSource = createServiceTokenSource({
    usersUrl: config.USERS_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    ...serviceCredentials(config, 'orders'),
  });
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
  // A short breaker: a stopped payment service is noticed at once and tried again after a few seconds.
  const breaker = { failures: 5, halfOpenAfterMs: 2000 };
  const clients = {
    shop: createHttpClient({ service: 'shop', baseUrl: config.SHOP_URL, timeoutMs, tokenSource, breaker }),
    stock: createHttpClient({
      service: 'stock',
      baseUrl: config.STOCK_URL,
      timeoutMs: Math.min(timeoutMs, 1000),
      tokenSource,
      breaker,
    }),
    payment: createHttpClient({
      service: 'payment',
      baseUrl: config.PAYMENT_URL,
      timeoutMs,
      tokenSource,
      breaker,
      retries: 1,
    }),
    users: createHttpClient({ service: 'users', baseUrl: config.USERS_URL, timeoutMs, breaker }),
  };
  const ctx: OrdersContext = {
    db,
    shop: shopPort(clients.shop),
    stock: stockPort(clients.stock),
    payment: paymentPort(clients.payment),
    users: usersPort(clients.users),
    settings: {
      sagaLeaseMs: config.SAGA_LEASE_MS,
      retryMinMs: config.SAGA_RETRY_MIN_MS,
      retryMaxMs: config.SAGA_RETRY_MAX_MS,
      paymentActionTimeoutMs: config.PAYMENT_ACTION_TIMEOUT_MS,
      returnWindowDays: config.RETURN_WINDOW_DAYS,
      webBaseUrl: config.WEB_BASE_URL.replace(/\/$/, ''),
      mediaDir: config.MEDIA_DIR,
      cartCookieSecure: config.CART_COOKIE_SECURE,
      mailViewer: config.SAUDA_MODE === 'embedded',
    },
    now: () => new Date(),
    kick,
  };
  return { ctx, close: async () => void (await Promise.all(Object.values(clients).map((c) => c.close()))) };
}
