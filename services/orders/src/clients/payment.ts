/** Calls to `payment` as the orders service (ADR 0004): authorize, read, void, capture, refund. */
import type { NewPaymentIntent, PaymentIntent } from '@sauda/contracts';
import type { HttpClient } from '@sauda/kit';

/** What orders asks of payment; every mutation carries an idempotency key derived from the order. */
export interface PaymentPort {
  authorize(body: NewPaymentIntent, key: string): Promise<PaymentIntent>;
  get(intentId: string): Promise<PaymentIntent>;
  void(intentId: string, key: string): Promise<PaymentIntent>;
  capture(intentId: string, amount: number, key: string): Promise<PaymentIntent>;
  refund(intentId: string, amount: number, destination: 'original' | 'wallet', key: string): Promise<void>;
}

/** The payment port over HTTP. */
export function paymentPort(client: HttpClient): PaymentPort {
  const intentOf = (answer: { intent: PaymentIntent }) => answer.intent;
  return {
    authorize: async (body, key) =>
      intentOf(await client.post('/payment/intents', body, { asService: true, idempotencyKey: key })),
    get: async (id) => intentOf(await client.get(`/payment/intents/${id}`, { asService: true })),
    void: async (id, key) =>
      intentOf(
        await client.post(`/payment/intents/${id}/void`, undefined, { asService: true, idempotencyKey: key }),
      ),
    capture: async (id, amount, key) =>
      intentOf(
        await client.post(
          `/payment/intents/${id}/capture`,
          { amount },
          { asService: true, idempotencyKey: key },
        ),
      ),
    async refund(id, amount, destination, key) {
      await client.post(
        `/payment/intents/${id}/refunds`,
        { amount, destination },
        { asService: true, idempotencyKey: key },
      );
    },
  };
}
