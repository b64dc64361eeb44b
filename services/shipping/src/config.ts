/** The shipping service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, ConfigError, dataConfig, loadConfig } from '@sauda/kit';

export const ShippingConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8106 }),
  /** HMAC secret of the KazPost sim's webhooks; has a default only in embedded demo mode. */
  KAZPOST_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  /** How often open carrier shipments are polled (the fallback when a webhook is lost). */
  CARRIER_POLL_MS: Type.Integer({ minimum: 100, default: 60_000 }),
  /** Failed delivery attempts after which a parcel goes back to its sender. */
  MAX_DELIVERY_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
});

const DEMO_KAZPOST_SECRET = 'kazpost-sim-demo-webhook-secret-not-for-production';

/** Reads and freezes the configuration; the carrier secret defaults only in embedded mode. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(ShippingConfig, env);
  if (!config.KAZPOST_WEBHOOK_SECRET && config.SAUDA_MODE !== 'embedded')
    throw new ConfigError(['KAZPOST_WEBHOOK_SECRET: is required outside embedded mode']);
  return Object.freeze({
    ...config,
    KAZPOST_WEBHOOK_SECRET: config.KAZPOST_WEBHOOK_SECRET ?? DEMO_KAZPOST_SECRET,
  });
}
export type ShippingConfig = ReturnType<typeof readConfig>;
