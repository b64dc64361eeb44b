/** The orders service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig, mailConfig, serviceAuthConfig } from '@sauda/kit';

export const OrdersConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  ...serviceAuthConfig,
  // SMTP_URL (no default), MAIL_FROM, MAIL_DIR (.eml files when SMTP is not configured): the kit's mailer.
  ...mailConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8103 }),
  SHOP_URL: Type.String({ default: 'http://127.0.0.1:8102' }),
  STOCK_URL: Type.String({ default: 'http://127.0.0.1:8104' }),
  PAYMENT_URL: Type.String({ default: 'http://127.0.0.1:8105' }),
  /** Per-attempt timeout of calls to other services. */
  UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 50, default: 3000 }),
  /** How often each replica looks for saga steps that are due (replicas share the work, SKIP LOCKED). */
  SAGA_SWEEP_MS: Type.Integer({ minimum: 50, default: 1000 }),
  /** How long one worker holds a saga step before another may take it over (a crashed worker's lease). */
  SAGA_LEASE_MS: Type.Integer({ minimum: 100, default: 30_000 }),
  /** First and longest wait between retries of a step whose service is down (exponential backoff). */
  SAGA_RETRY_MIN_MS: Type.Integer({ minimum: 10, default: 1000 }),
  SAGA_RETRY_MAX_MS: Type.Integer({ minimum: 10, default: 60_000 }),
  /** A saga not done that has not moved for this long counts in the `orders_saga_stuck` gauge. */
  SAGA_STUCK_AFTER_MS: Type.Integer({ minimum: 1000, default: 30 * 60_000 }),
  /** How long a customer has to pass 3-D Secure before the order fails as abandoned. */
  PAYMENT_ACTION_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 15 * 60_000 }),
  /** How long after delivery a line may be returned. */
  RETURN_WINDOW_DAYS: Type.Integer({ minimum: 0, default: 14 }),
  /** Where return photos are kept (`<MEDIA_DIR>/orders`). */
  MEDIA_DIR: Type.String({ default: '.data/media' }),
  /** The public web origin, for links in mail and the payment return URL ('' = site-relative). */
  WEB_BASE_URL: Type.String({ default: '' }),
  /** How often each replica looks for customer mail to send (replicas share the work, SKIP LOCKED). */
  MAIL_RELAY_MS: Type.Integer({ minimum: 50, default: 1000 }),
  /** How long a replica holds a mail it is sending before another may retry it (a crashed sender's lease). */
  MAIL_LEASE_MS: Type.Integer({ minimum: 100, default: 60_000 }),
  /** Guest cart cookie: `Secure` flag (on behind HTTPS). */
  CART_COOKIE_SECURE: Type.Boolean({ default: false }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(OrdersConfig, env);
}
export type OrdersConfig = ReturnType<typeof readConfig>;
