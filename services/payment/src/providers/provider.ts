/** The one interface every card provider implements (the sandbox bank, Stripe). */
import type { Money } from '@sauda/contracts';

/** What a provider says about an authorization, now or when asked again later. */
export type ProviderState =
  | { status: 'authorized'; ref: string }
  | { status: 'declined'; ref: string; code: string }
  | { status: 'requires_action'; ref: string; url: string }
  | { status: 'pending'; ref: string }
  | { status: 'captured'; ref: string }
  | { status: 'canceled'; ref: string };

/** A verified webhook: which authorization changed. The current state is fetched, never trusted from the body. */
export interface ProviderWebhook {
  eventId: string;
  type: string;
  ref: string;
}

/** The card data a provider receives once, at tokenisation. */
export interface CardForProvider {
  digits: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** A card acquirer behind one interface; every mutating call carries our idempotency key. */
export interface PaymentProvider {
  readonly name: string;
  /** Hands the card to the provider's vault; returns the provider's token. */
  tokenize(card: CardForProvider): Promise<string>;
  /** Authorizes (holds) the amount; `intentId` is the provider's idempotency key. */
  authorize(input: {
    intentId: string;
    providerToken: string;
    amount: Money;
    returnUrl?: string;
  }): Promise<ProviderState>;
  /** The authorization's current state, for webhooks whose order cannot be trusted. */
  retrieve(ref: string): Promise<ProviderState>;
  capture(ref: string, amount: number, idempotencyKey: string): Promise<void>;
  cancel(ref: string, idempotencyKey: string): Promise<void>;
  /** Reverses whatever an authorization that timed out may have done, found by our intent id. */
  reverse(intentId: string): Promise<void>;
  /** Returns the provider's refund reference. */
  refund(ref: string, amount: number, idempotencyKey: string): Promise<string>;
  /** Verifies the signature and reads the event; throws WEBHOOK_SIGNATURE_INVALID. */
  verifyWebhook(rawBody: string, signature: string | undefined): ProviderWebhook;
}

/** The providers a service runs with, by name (card tokens remember which one holds them). */
export type Providers = ReadonlyMap<string, PaymentProvider>;

/** Marks a provider call that did not answer within the timeout. */
export class ProviderTimeout extends Error {
  constructor(readonly ms: number) {
    super(`provider did not answer within ${ms} ms`);
    this.name = 'ProviderTimeout';
  }
}

/** Races a provider call against a timeout (the call itself is not cancelled: its late answer is reconciled). */
export async function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeout(ms)), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
