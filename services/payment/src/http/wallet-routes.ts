/** The customer's own wallet, and an admin's goodwill credit. */
import { Money, Wallet } from '@sauda/contracts';
import { idempotencyKeyOf, principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { getWallet } from '../wallet/get-wallet.ts';
import { grantGoodwill } from '../wallet/grant-goodwill.ts';
import { CurrencyQuery, IdempotencyHeaders } from './schemas.ts';

/** Registers the wallet routes. */
export function walletRoutes(app: App, ctx: PaymentContext): void {
  app.get(
    '/payment/wallet',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own wallet" } },
      schema: {
        tags: ['wallet'],
        summary: 'Wallet balance and history',
        querystring: CurrencyQuery,
        response: { 200: Wallet },
      },
    },
    async (request) => getWallet(ctx.db, principalOf(request).id, request.query.currency),
  );
  app.post(
    '/payment/admin/wallets/:customerId/credits',
    {
      config: { auth: { access: ['admin', 'support'], owns: "any customer's wallet (staff)" } },
      schema: {
        tags: ['wallet', 'admin'],
        summary: 'Credit a wallet as goodwill (once per Idempotency-Key)',
        headers: IdempotencyHeaders,
        params: Type.Object({ customerId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: Type.Object(
          { amount: Money, memo: Type.String({ minLength: 1, maxLength: 300 }) },
          { additionalProperties: false },
        ),
        response: { 201: Wallet },
      },
    },
    async (request, reply) => {
      if (request.body.amount.amount <= 0)
        return reply
          .status(201)
          .send(await getWallet(ctx.db, request.params.customerId, request.body.amount.currency));
      const wallet = await grantGoodwill(
        ctx.db,
        request.params.customerId,
        request.body.amount,
        idempotencyKeyOf(request),
        request.body.memo,
      );
      return reply.status(201).send(wallet);
    },
  );
}
