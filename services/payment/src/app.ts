/** Builds the payment app without listening; tests call `inject()` on it. */
import { createService, type App, type TokenVerifier } from '@sauda/kit';
import type { PaymentContext } from './context.ts';
import { paymentErrors } from './errors.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { cardRoutes } from './http/card-routes.ts';
import { codRoutes } from './http/cod-routes.ts';
import { intentRoutes } from './http/intent-routes.ts';
import { sellerRoutes } from './http/seller-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';
import { walletRoutes } from './http/wallet-routes.ts';
import { webhookRoutes } from './http/webhook-routes.ts';

export interface PaymentDeps {
  ctx: PaymentContext;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The payment service: card tokens, intents, refunds, wallet, settlement, payouts, cash on delivery. */
export async function buildApp(deps: PaymentDeps): Promise<App> {
  const app = await createService({
    name: 'payment',
    description:
      'Card tokens, payment intents (sandbox bank, Stripe, wallet, cash on delivery), refunds, wallet, settlement and seller payouts.',
    errors: paymentErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  cardRoutes(app, deps.ctx);
  intentRoutes(app, deps.ctx);
  walletRoutes(app, deps.ctx);
  sellerRoutes(app, deps.ctx);
  adminRoutes(app, deps.ctx);
  statsRoutes(app, deps.ctx);
  codRoutes(app, deps.ctx);
  await webhookRoutes(app, deps.ctx);
  return app;
}
