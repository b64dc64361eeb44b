/** The payment service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, ConfigError, dataConfig, loadConfig } from '@sauda/kit';

export const PaymentConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8105 }),
  /** Which provider takes card payments: the built-in sandbox bank or Stripe. */
  PAYMENT_PROVIDER: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')], { default: 'sandbox' }),
  /** HMAC secret of the sandbox bank's webhooks; has a default only in embedded demo mode. */
  SANDBOX_WEBHOOK_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  /** Where the sandbox bank delivers its webhooks (this service's own route by default). */
  SANDBOX_WEBHOOK_URL: Type.Optional(Type.String()),
  /** How long the sandbox bank's "late answer" card waits before answering by webhook. */
  SANDBOX_LATE_ANSWER_MS: Type.Integer({ minimum: 0, default: 2000 }),
  /** How long we wait for a provider before treating the call as timed out. */
  PROVIDER_TIMEOUT_MS: Type.Integer({ minimum: 10, default: 5000 }),
  STRIPE_SECRET_KEY: Type.Optional(Type.String()),
  STRIPE_WEBHOOK_SECRET: Type.Optional(Type.String()),
  /** Stripe's API origin (a local fake in tests). */
  STRIPE_API_BASE: Type.String({ default: 'https://api.stripe.com' }),
  /** Days after capture during which money stays refundable and is not paid out to the seller. */
  RETURN_WINDOW_DAYS: Type.Integer({ minimum: 0, default: 14 }),
  /** The public web origin; the 3-D Secure challenge page lives under it. Empty: relative links. */
  WEB_BASE_URL: Type.String({ default: '' }),
});

const DEMO_WEBHOOK_SECRET = 'sandbox-demo-webhook-secret-not-for-production';

/** Reads and freezes the configuration; secrets default only in embedded mode. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(PaymentConfig, env);
  const embedded = config.SAUDA_MODE === 'embedded';
  const problems: string[] = [];
  if (!config.SANDBOX_WEBHOOK_SECRET && !embedded)
    problems.push('SANDBOX_WEBHOOK_SECRET: is required outside embedded mode');
  if (config.PAYMENT_PROVIDER === 'stripe') {
    if (!config.STRIPE_SECRET_KEY)
      problems.push('STRIPE_SECRET_KEY: is required when PAYMENT_PROVIDER=stripe');
    if (!config.STRIPE_WEBHOOK_SECRET)
      problems.push('STRIPE_WEBHOOK_SECRET: is required when PAYMENT_PROVIDER=stripe');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...config,
    SANDBOX_WEBHOOK_SECRET: config.SANDBOX_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET,
    SANDBOX_WEBHOOK_URL:
      config.SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${config.PORT}/payment/webhooks/sandbox`,
  });
}
export type PaymentConfig = ReturnType<typeof readConfig>;
