/** The gateway's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, loadConfig } from '@sauda/kit';

const url = () => Type.Optional(Type.String({ minLength: 1 }));

export const GatewayConfig = Type.Object({
  ...baseConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  SHOP_URL: url(),
  ORDERS_URL: url(),
  STOCK_URL: url(),
  PAYMENT_URL: url(),
  SHIPPING_URL: url(),
  DISPATCHING_URL: url(),
  ASSISTANT_URL: url(),
  /** Shared rate-limit counters across gateway replicas; memory when unset. */
  REDIS_URL: url(),
  /** The built web app to serve; none when unset (API only). */
  WEB_DIST: url(),
  /** Comma-separated origins allowed by CORS besides our own (e.g. the Vite dev server). */
  CORS_ORIGINS: Type.String({ default: '' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 1200 }),
  AUTH_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 30 }),
  /** Checkout attempts per customer per minute: no one buys twenty times a minute by hand. */
  CHECKOUT_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  /** Promo and gift-card codes a caller may try per 15 minutes (guessing codes is the abuse). */
  CODE_ATTEMPTS_PER_15_MINUTES: Type.Integer({ minimum: 1, default: 30 }),
  UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 15_000 }),
  /**
   * Memory for the micro-cache of anonymous public GET answers marked `s-maxage` (kept at most that long,
   * never for requests with a token or cookie); 0 turns it off.
   */
  MICRO_CACHE_MB: Type.Integer({ minimum: 0, default: 64 }),
  /** How often the edge reads the shop's catalog change feed (ADR 0009); 0: never, pages live their s-maxage. */
  EDGE_PURGE_POLL_MS: Type.Integer({ minimum: 0, default: 250 }),
  /** Send HSTS (off for plain-http local runs so browsers don't pin localhost to https). */
  HSTS: Type.Boolean({ default: false }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(GatewayConfig, env);
}
export type GatewayConfig = ReturnType<typeof readConfig>;

/** The upstream base URL of every configured service. */
export function upstreams(config: GatewayConfig): Record<string, string> {
  const all: Record<string, string | undefined> = {
    users: config.USERS_URL,
    shop: config.SHOP_URL,
    orders: config.ORDERS_URL,
    stock: config.STOCK_URL,
    payment: config.PAYMENT_URL,
    shipping: config.SHIPPING_URL,
    dispatching: config.DISPATCHING_URL,
    assistant: config.ASSISTANT_URL,
  };
  return Object.fromEntries(Object.entries(all).filter((pair): pair is [string, string] => Boolean(pair[1])));
}
