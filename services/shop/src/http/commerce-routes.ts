/** Every route of the commerce half (quotes, promo codes, gift cards, reviews, recommendations). */
import type { App, Db } from '@sauda/kit';
import type { VatRates } from '../quotes/quote-cart.ts';
import { parseVatRates, DEFAULT_VAT_RATES } from '../quotes/vat-rates.ts';
import { boughtGiftCardRoutes } from './bought-gift-card-routes.ts';
import { giftCardRoutes } from './gift-card-routes.ts';
import { promoRoutes } from './promo-routes.ts';
import { quoteRoutes } from './quote-routes.ts';
import { recommendationRoutes } from './recommendation-routes.ts';
import { reviewRoutes } from './review-routes.ts';

/** Registers the commerce routes; VAT rates default to Kazakhstan's 12 %. */
export function commerceRoutes(
  app: App,
  db: Db,
  vatRates: VatRates = parseVatRates(DEFAULT_VAT_RATES),
): void {
  quoteRoutes(app, db, vatRates);
  promoRoutes(app, db);
  giftCardRoutes(app, db);
  boughtGiftCardRoutes(app, db);
  reviewRoutes(app, db);
  recommendationRoutes(app, db);
}
