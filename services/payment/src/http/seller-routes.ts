/** The seller's money: balance, statement, payouts, and the IBAN payouts go to. */
import { LedgerLine, Payout, SellerBalance } from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { listPayouts } from '../payouts/payout-queries.ts';
import { sellerBalance, sellerStatement, setPayoutAccount } from '../payouts/seller-balance.ts';
import { CurrencyQuery } from './schemas.ts';

const sellerOnly = { auth: { access: ['seller'], owns: "the calling seller's own money" } } as const;

/** Registers the seller routes. */
export function sellerRoutes(app: App, ctx: PaymentContext): void {
  app.get(
    '/payment/seller/balance',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Balance, available, pending within the return window, paid out',
        querystring: CurrencyQuery,
        response: { 200: SellerBalance },
      },
    },
    async (request) => sellerBalance(ctx.db, principalOf(request).id, request.query.currency),
  );
  app.get(
    '/payment/seller/statement',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Settlement lines, newest first',
        querystring: CurrencyQuery,
        response: { 200: Type.Object({ items: Type.Array(LedgerLine) }) },
      },
    },
    async (request) => ({
      items: await sellerStatement(ctx.db, principalOf(request).id, request.query.currency, 200),
    }),
  );
  app.get(
    '/payment/seller/payouts',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: "The seller's payouts",
        response: { 200: Type.Object({ items: Type.Array(Payout) }) },
      },
    },
    async (request) => ({ items: await listPayouts(ctx.db, { sellerId: principalOf(request).id }) }),
  );
  app.put(
    '/payment/seller/payout-account',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Set the IBAN payouts go to',
        body: Type.Object(
          {
            iban: Type.String({ minLength: 15, maxLength: 42 }),
            holder: Type.String({ minLength: 2, maxLength: 140 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ iban: Type.String() }) },
      },
    },
    async (request) =>
      setPayoutAccount(ctx.db, principalOf(request).id, request.body.iban, request.body.holder),
  );
}
