/**
 * The Stripe adapter: PaymentIntents with manual capture, refunds, and signed webhooks. It speaks Stripe's
 * form-encoded HTTP API directly because the official `stripe` package is not installed in this workspace
 * (see the service README); the calls, idempotency keys and signature scheme are Stripe's own.
 */
import { IntentStateConflict, ProviderUnavailable, RefundExceedsCaptured } from '../errors.ts';
import type { PaymentProvider, ProviderState } from './provider.ts';
import { verifySignature } from './signature.ts';

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  apiBase: string;
  timeoutMs: number;
}

interface StripeIntent {
  id: string;
  status: string;
  next_action?: { redirect_to_url?: { url?: string } } | null;
  last_payment_error?: { decline_code?: string; code?: string } | null;
}
interface StripeError {
  error?: { type?: string; code?: string; decline_code?: string; payment_intent?: StripeIntent };
}

/** Stripe's nested form encoding: `card[number]=…`. */
function form(params: Record<string, string | number | undefined | Record<string, string | number>>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'object')
      for (const [k, v] of Object.entries(value)) out.append(`${key}[${k}]`, String(v));
    else out.append(key, String(value));
  }
  return out.toString();
}

/** Maps a Stripe PaymentIntent to our provider state. */
export function stateOfStripeIntent(intent: StripeIntent): ProviderState {
  switch (intent.status) {
    case 'requires_capture':
      return { status: 'authorized', ref: intent.id };
    case 'succeeded':
      return { status: 'captured', ref: intent.id };
    case 'canceled':
      return { status: 'canceled', ref: intent.id };
    case 'requires_action':
      return {
        status: 'requires_action',
        ref: intent.id,
        url: intent.next_action?.redirect_to_url?.url ?? '',
      };
    case 'processing':
      return { status: 'pending', ref: intent.id };
    default: {
      const code =
        intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? 'card_declined';
      return { status: 'declined', ref: intent.id, code };
    }
  }
}

/** Builds the Stripe provider. */
export function createStripeProvider(options: StripeOptions): PaymentProvider {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: string, idempotencyKey?: string) => {
    let response: Response;
    try {
      response = await fetch(new URL(path, options.apiBase), {
        method,
        headers: {
          authorization: `Bearer ${options.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'stripe-version': '2025-09-30.clover',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      throw new ProviderUnavailable('Stripe did not answer');
    }
    const json = (await response.json()) as T & StripeError;
    if (response.status >= 500) throw new ProviderUnavailable(`Stripe answered ${response.status}`);
    return { status: response.status, json };
  };

  return {
    name: 'stripe',
    async tokenize(card) {
      const { status, json } = await call<{ id: string }>(
        'POST',
        '/v1/payment_methods',
        form({
          type: 'card',
          card: { number: card.digits, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc },
        }),
      );
      if (status >= 400)
        throw new ProviderUnavailable(`Stripe refused the card: ${json.error?.code ?? status}`);
      return json.id;
    },
    async authorize({ intentId, providerToken, amount, returnUrl }) {
      const { json } = await call<StripeIntent>(
        'POST',
        '/v1/payment_intents',
        form({
          amount: amount.amount,
          currency: amount.currency.toLowerCase(),
          payment_method: providerToken,
          confirm: 'true',
          capture_method: 'manual',
          return_url: returnUrl,
          metadata: { intent_id: intentId },
        }),
        intentId,
      );
      // A decline answers 402 with the intent inside the error.
      const intent = json.error?.payment_intent ?? (json.error ? undefined : json);
      if (!intent)
        return {
          status: 'declined',
          ref: `none_${intentId}`,
          code: json.error?.decline_code ?? json.error?.code ?? 'card_declined',
        };
      if (json.error && intent.status === 'requires_payment_method')
        return {
          status: 'declined',
          ref: intent.id,
          code: json.error.decline_code ?? json.error.code ?? 'card_declined',
        };
      return stateOfStripeIntent(intent);
    },
    async retrieve(ref) {
      const { json } = await call<StripeIntent>('GET', `/v1/payment_intents/${encodeURIComponent(ref)}`);
      return stateOfStripeIntent(json);
    },
    async capture(ref, amount, key) {
      const { status } = await call(
        'POST',
        `/v1/payment_intents/${encodeURIComponent(ref)}/capture`,
        form({ amount_to_capture: amount }),
        key,
      );
      if (status >= 400) throw new IntentStateConflict('Stripe refused the capture');
    },
    async cancel(ref, key) {
      await call('POST', `/v1/payment_intents/${encodeURIComponent(ref)}/cancel`, '', key);
    },
    async reverse() {
      // Stripe cannot look an intent up by our idempotency key; an uncaptured manual-capture intent is
      // released by Stripe itself after seven days, so a timed-out authorization never turns into a charge.
    },
    async refund(ref, amount, key) {
      const { status, json } = await call<{ id: string }>(
        'POST',
        '/v1/refunds',
        form({ payment_intent: ref, amount }),
        key,
      );
      if (status >= 400) throw new RefundExceedsCaptured('Stripe refused the refund');
      return json.id;
    },
    verifyWebhook(rawBody, signature) {
      verifySignature(rawBody, signature, options.webhookSecret);
      const event = JSON.parse(rawBody) as { id: string; type: string; data?: { object?: { id?: string } } };
      return { eventId: event.id, type: event.type, ref: event.data?.object?.id ?? '' };
    },
  };
}
