/**
 * The Stripe adapter on the official `stripe` SDK: PaymentIntents with manual capture, refunds, and webhooks
 * verified by `stripe.webhooks.constructEvent`. `apiBase` points the SDK at another origin (a local fake in
 * tests); every mutating call carries our idempotency key, and the SDK never retries on its own because our
 * use cases decide what a timeout means (a late answer is reconciled, not replayed blindly).
 */
import Stripe from 'stripe';
import {
  IntentStateConflict,
  ProviderUnavailable,
  RefundExceedsCaptured,
  WebhookSignatureInvalid,
} from '../errors.ts';
import type { PaymentProvider, ProviderState } from './provider.ts';

/** What the adapter needs: keys, the API origin and the per-call timeout. */
export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  apiBase: string;
  timeoutMs: number;
}

/** The fields of a PaymentIntent the adapter reads (the SDK's type, narrowed so tests can build one). */
type StripeIntent = Pick<Stripe.PaymentIntent, 'id' | 'status'> & {
  next_action?: { redirect_to_url?: { url?: string | null } | null } | null;
  last_payment_error?: { decline_code?: string; code?: string } | null;
};

/** Replay window for webhook signatures, in seconds (Stripe's own default). */
const WEBHOOK_TOLERANCE_SECONDS = 300;

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

/** The SDK's connection options for an API origin such as `https://api.stripe.com` or `http://127.0.0.1:4010`. */
function connectionOf(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** Network failures and Stripe's 5xx become PROVIDER_UNAVAILABLE; anything else is Stripe's answer. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return true;
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    (error.statusCode ?? 500) >= 500
  );
}

/** Runs an SDK call, turning unavailability into ProviderUnavailable and leaving Stripe's refusals to `refused`. */
async function guarded<T>(
  call: () => Promise<T>,
  refused: (error: Stripe.errors.StripeError) => Error,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) throw new ProviderUnavailable('Stripe did not answer');
    throw refused(error as Stripe.errors.StripeError);
  }
}

/** Builds the Stripe provider. */
export function createStripeProvider(options: StripeOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    ...connectionOf(options.apiBase),
    maxNetworkRetries: 0,
    timeout: options.timeoutMs,
    telemetry: false,
  });
  const unexpected = (error: Stripe.errors.StripeError) =>
    new ProviderUnavailable(`Stripe answered ${error.statusCode ?? 'without a status'}`);

  return {
    name: 'stripe',
    async tokenize(card) {
      const method = await guarded(
        () =>
          stripe.paymentMethods.create({
            type: 'card',
            card: { number: card.digits, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc },
          }),
        (error) => new ProviderUnavailable(`Stripe refused the card: ${error.code ?? error.statusCode}`),
      );
      return method.id;
    },
    async authorize({ intentId, providerToken, amount, returnUrl }) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: amount.amount,
            currency: amount.currency.toLowerCase(),
            payment_method: providerToken,
            confirm: true,
            capture_method: 'manual',
            ...(returnUrl !== undefined ? { return_url: returnUrl } : {}),
            metadata: { intent_id: intentId },
          },
          { idempotencyKey: intentId },
        );
        return stateOfStripeIntent(intent);
      } catch (error) {
        if (isUnavailable(error)) throw new ProviderUnavailable('Stripe did not answer');
        // A decline answers 402 with the intent inside the error.
        const failure = error as Stripe.errors.StripeError;
        const code = failure.decline_code ?? failure.code ?? 'card_declined';
        const intent = failure.payment_intent;
        if (!intent) return { status: 'declined', ref: `none_${intentId}`, code };
        if (intent.status === 'requires_payment_method') return { status: 'declined', ref: intent.id, code };
        return stateOfStripeIntent(intent);
      }
    },
    async retrieve(ref) {
      return stateOfStripeIntent(await guarded(() => stripe.paymentIntents.retrieve(ref), unexpected));
    },
    async capture(ref, amount, key) {
      await guarded(
        () => stripe.paymentIntents.capture(ref, { amount_to_capture: amount }, { idempotencyKey: key }),
        () => new IntentStateConflict('Stripe refused the capture'),
      );
    },
    async cancel(ref, key) {
      try {
        await stripe.paymentIntents.cancel(ref, {}, { idempotencyKey: key });
      } catch (error) {
        // Stripe's refusal (already canceled or captured) leaves the state to be read again by the caller.
        if (isUnavailable(error)) throw new ProviderUnavailable('Stripe did not answer');
      }
    },
    async reverse() {
      // Stripe cannot look an intent up by our idempotency key; an uncaptured manual-capture intent is
      // released by Stripe itself after seven days, so a timed-out authorization never turns into a charge.
    },
    async refund(ref, amount, key) {
      const refund = await guarded(
        () => stripe.refunds.create({ payment_intent: ref, amount }, { idempotencyKey: key }),
        () => new RefundExceedsCaptured('Stripe refused the refund'),
      );
      return refund.id;
    },
    verifyWebhook(rawBody, signature) {
      if (!signature) throw new WebhookSignatureInvalid('no signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          options.webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError)
          throw new WebhookSignatureInvalid(error.message);
        throw new WebhookSignatureInvalid('unreadable webhook body');
      }
      const object = event.data.object as { id?: string };
      return { eventId: event.id, type: event.type, ref: object.id ?? '' };
    },
  };
}
