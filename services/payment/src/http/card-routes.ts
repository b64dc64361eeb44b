/** Card tokenisation: the only route that ever sees a card number, and token metadata for its owner. */
import { CardInput, CardToken } from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { getCardToken } from '../cards/get-card-token.ts';
import { tokenizeCard } from '../cards/tokenize-card.ts';
import type { PaymentContext } from '../context.ts';

/** Registers the card token routes. */
export function cardRoutes(app: App, ctx: PaymentContext): void {
  app.post(
    '/payment/tokens',
    {
      config: { auth: { access: ['customer'], owns: "the caller's own card tokens" } },
      schema: {
        tags: ['cards'],
        summary: 'Tokenise a card (number and CVC are never stored)',
        body: CardInput,
        response: { 201: CardToken },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokenizeCard(ctx, principalOf(request).id, request.body)),
  );
  app.get(
    '/payment/tokens/:token',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own card token" } },
      schema: {
        tags: ['cards'],
        summary: "A card token's brand, last four and expiry (owner only)",
        params: Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: CardToken },
      },
    },
    async (request) => getCardToken(ctx.db, request.params.token, principalOf(request).id),
  );
}
