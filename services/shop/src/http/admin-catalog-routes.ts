/** Admin catalog routes: the category tree, moderation, gift-card products and display exchange rates. */
import { Category, CategoryEdit, ExchangeRate, NewCategory } from '@sauda/contracts';
import { principalOf, requestLocale, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { createCategory, editCategory } from '../categories/manage-categories.ts';
import { markGiftCardProduct } from '../gift-cards/mark-gift-card-product.ts';
import { setRate } from '../prices/exchange-rates.ts';
import { listForModeration, moderateProduct } from '../products/moderate-product.ts';

const adminOnly = { auth: { access: ['admin'], owns: 'the whole catalog (admin)' } } as const;
const ProductId = Type.Object({ id: Type.String({ format: 'uuid' }) });

const ModerationItem = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  sellerName: Type.String(),
  status: Type.String(),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  hiddenAt: Type.Union([Type.String(), Type.Null()]),
});

/** Registers the admin catalog routes. */
export function adminCatalogRoutes(app: App, db: Db): void {
  app.post(
    '/admin/catalog/categories',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Create a category',
        body: NewCategory,
        response: { 201: Category },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCategory(db, request.body, requestLocale(request))),
  );
  app.patch(
    '/admin/catalog/categories/:id',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Rename and/or move a category (slug, names, parent)',
        params: ProductId,
        body: CategoryEdit,
        response: { 200: Category },
      },
    },
    async (request) => editCategory(db, request.params.id, request.body, requestLocale(request)),
  );
  app.get(
    '/admin/catalog/products',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Products to moderate (hidden ones first)',
        querystring: Type.Object(
          {
            hidden: Type.Optional(Type.Boolean()),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ModerationItem) }) },
      },
    },
    async (request) => {
      const { hidden, q, page, limit } = request.query;
      const rows = await listForModeration(db, {
        hiddenOnly: hidden ?? false,
        q,
        limit,
        offset: (page - 1) * limit,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          title: r.title,
          sellerName: r.seller_name,
          status: r.status,
          imageUrl: r.image_url,
          hiddenReason: r.hidden_reason,
          hiddenAt: r.hidden_at ? r.hidden_at.toISOString() : null,
        })),
      };
    },
  );
  app.post(
    '/admin/catalog/products/:id/hide',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Hide a product from the storefront with a reason',
        params: ProductId,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await moderateProduct(db, request.params.id, request.body.reason.trim());
      return reply.status(204).send();
    },
  );
  app.post(
    '/admin/catalog/products/:id/restore',
    {
      config: adminOnly,
      schema: { tags: ['admin'], summary: 'Show a hidden product again', params: ProductId },
    },
    async (request, reply) => {
      await moderateProduct(db, request.params.id, null);
      return reply.status(204).send();
    },
  );
  app.put(
    '/admin/catalog/products/:id/gift-card',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Make a product sell gift cards (one card per unit, face value = variant price) or stop',
        params: ProductId,
        body: Type.Object({ giftCard: Type.Boolean() }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await markGiftCardProduct(db, request.params.id, request.body.giftCard);
      return reply.status(204).send();
    },
  );
  app.put(
    '/admin/catalog/exchange-rates/:currency',
    {
      config: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Set a display exchange rate',
        params: Type.Object({ currency: ExchangeRate.properties.currency }),
        body: Type.Object(
          { perKztE9: Type.Integer({ minimum: 1, maximum: 1e15 }) },
          { additionalProperties: false },
        ),
        response: { 200: ExchangeRate },
      },
    },
    async (request) => setRate(db, request.params.currency, request.body.perKztE9, principalOf(request).id),
  );
}
