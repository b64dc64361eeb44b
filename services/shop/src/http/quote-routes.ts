/** Quote routes: `orders` asks for the authoritative price of a cart; the signed-in customer may too. */
import { Quote, QuoteRequest } from '@sauda/contracts';
import { hasRole, principalOf, type App, type Db } from '@sauda/kit';
import { quoteCart, type VatRates } from '../quotes/quote-cart.ts';

/** Registers POST /quotes (internal) and POST /shop/quote (the customer's own cart). */
export function quoteRoutes(app: App, db: Db, vatRates: VatRates): void {
  app.post(
    '/quotes',
    {
      config: {
        auth: {
          access: 'public',
          owns: 'nothing private: prices, and promo usage of the named customer (internal; not routed by the gateway)',
        },
      },
      schema: {
        tags: ['quotes'],
        summary: 'Quote a cart (for orders)',
        body: QuoteRequest,
        response: { 200: Quote },
      },
    },
    async (request) => {
      // A signed-in caller who is not staff is always quoted as themselves, whatever the body says; a
      // service (orders, with its service token) quotes for the customer it names (ADR 0004).
      const caller = request.principal;
      const service = hasRole(caller, 'service');
      const customerId =
        caller && !service && !hasRole(caller, 'admin')
          ? caller.id
          : (request.body.customerId ?? (service ? null : (caller?.id ?? null)));
      return quoteCart(db, request.body, customerId, vatRates);
    },
  );
  app.post(
    '/shop/quote',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own cart" } },
      schema: {
        tags: ['quotes'],
        summary: "Quote the caller's cart",
        body: QuoteRequest,
        response: { 200: Quote },
      },
    },
    async (request) => quoteCart(db, request.body, principalOf(request).id, vatRates),
  );
}
