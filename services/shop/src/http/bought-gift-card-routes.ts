/** The customer's gift cards bought as products. */
import { GiftCard } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { listBoughtGiftCards } from '../gift-cards/list-bought-gift-cards.ts';

/** Registers `GET /shop/gift-cards`. */
export function boughtGiftCardRoutes(app: App, db: Db): void {
  app.get(
    '/shop/gift-cards',
    {
      config: { auth: { access: ['customer'], owns: "the caller's own bought gift cards" } },
      schema: {
        tags: ['gift cards'],
        summary: 'Gift cards the caller bought (codes and balances)',
        response: { 200: Type.Object({ items: Type.Array(GiftCard) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { items: await listBoughtGiftCards(db, principalOf(request)) };
    },
  );
}
