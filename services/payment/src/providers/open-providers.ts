/** Opens the configured card providers: the sandbox bank always (its test cards work in every mode), Stripe when chosen. */
import type { Db } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import type { PaymentProvider } from './provider.ts';
import { createSandboxBank, type WebhookDelivery } from './sandbox-bank.ts';
import { createStripeProvider } from './stripe-provider.ts';

/** The settings the providers read (a subset of the service configuration). */
export interface ProviderSettings {
  PAYMENT_PROVIDER: 'sandbox' | 'stripe';
  SANDBOX_WEBHOOK_SECRET: string;
  SANDBOX_WEBHOOK_URL: string;
  SANDBOX_LATE_ANSWER_MS: number;
  PROVIDER_TIMEOUT_MS: number;
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_API_BASE: string;
  RETURN_WINDOW_DAYS: number;
  WEB_BASE_URL: string;
}

/** Delivers sandbox webhooks over HTTP to our own webhook route. */
export function httpDelivery(url: string): WebhookDelivery {
  return async (body, signature) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sandbox-signature': signature },
      body,
      signal: AbortSignal.timeout(5000),
    });
    return response.ok;
  };
}

/**
 * Builds the use-case context: database, providers, settings. The sandbox bank gets its own pool, as a real
 * bank is outside our database: an authorization runs inside a request's transaction, and sharing the pool
 * would let requests waiting on an idempotency key starve the bank call they wait for.
 */
export function createPaymentContext(
  db: Db,
  settings: ProviderSettings,
  options: { bankDb: Db; deliver?: WebhookDelivery | undefined },
): PaymentContext {
  const sandbox = createSandboxBank({
    db: options.bankDb,
    webhookSecret: settings.SANDBOX_WEBHOOK_SECRET,
    deliver: options.deliver ?? httpDelivery(settings.SANDBOX_WEBHOOK_URL),
    lateAnswerMs: settings.SANDBOX_LATE_ANSWER_MS,
    hangMs: settings.PROVIDER_TIMEOUT_MS * 4,
    challengeUrl: (id) => `${settings.WEB_BASE_URL}/payment/challenge/${id}`,
  });
  const providers = new Map<string, PaymentProvider>([['sandbox', sandbox]]);
  if (
    settings.PAYMENT_PROVIDER === 'stripe' &&
    settings.STRIPE_SECRET_KEY &&
    settings.STRIPE_WEBHOOK_SECRET
  ) {
    providers.set(
      'stripe',
      createStripeProvider({
        secretKey: settings.STRIPE_SECRET_KEY,
        webhookSecret: settings.STRIPE_WEBHOOK_SECRET,
        apiBase: settings.STRIPE_API_BASE,
        timeoutMs: settings.PROVIDER_TIMEOUT_MS,
      }),
    );
  }
  return {
    db,
    providers,
    cardProvider: providers.get(settings.PAYMENT_PROVIDER) ?? sandbox,
    sandbox,
    providerTimeoutMs: settings.PROVIDER_TIMEOUT_MS,
    returnWindowDays: settings.RETURN_WINDOW_DAYS,
  };
}
