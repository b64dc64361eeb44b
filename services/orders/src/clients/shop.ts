/** Calls to `shop`: the authoritative quote, promo reservations and gift card redemptions (as a service). */
import type { Quote, QuoteRequest } from '@sauda/contracts';
import type { HttpClient } from '@sauda/kit';

/** What orders asks of shop. */
export interface ShopPort {
  quote(request: QuoteRequest): Promise<Quote>;
  reservePromos(orderId: string, customerId: string, codes: string[]): Promise<void>;
  redeemGiftCard(input: {
    orderId: string;
    customerId: string;
    code: string;
    amount: { amount: number; currency: Quote['currency'] };
  }): Promise<void>;
}

/** The shop port over HTTP with orders' service token. */
export function shopPort(client: HttpClient): ShopPort {
  return {
    quote: (request) => client.post<Quote>('/quotes', request, { asService: true }),
    async reservePromos(orderId, customerId, codes) {
      // Reservation is keyed by (promo, order) in shop: a retry after a lost answer is a no-op there.
      await client.post('/promo-reservations', { orderId, customerId, codes }, { asService: true });
    },
    async redeemGiftCard({ orderId, customerId, code, amount }) {
      await client.post(
        '/gift-cards/redemptions',
        { orderId, customerId, code, amount, idempotencyKey: `order-${orderId}-gift-${code}` },
        { asService: true },
      );
    },
  };
}
