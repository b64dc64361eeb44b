/** Sellers' public shop cards. */
import { Type } from '@sinclair/typebox';
import { Uuid } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import type { UsersContext } from '../context.ts';
import { getSellerShop } from '../shops/get-seller-shop.ts';
import { SellerShop } from './schemas.ts';

export function sellerRoutes(app: App, ctx: UsersContext): void {
  app.get(
    '/sellers/:id',
    {
      config: { auth: { access: 'public', owns: "a seller's public shop card" } },
      schema: {
        tags: ['sellers'],
        summary: "A seller's shop: name and number of products",
        params: Type.Object({ id: Uuid }),
        response: { 200: SellerShop },
      },
    },
    async (request) => getSellerShop(ctx, request.params.id),
  );
}
