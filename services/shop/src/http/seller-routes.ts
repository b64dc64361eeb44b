/** Seller routes: a seller creates and lists their own products. */
import { NewProduct, Product } from '@sauda/contracts';
import { principalOf, requestLocale, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { createProduct } from '../products/create-product.ts';
import { listOwnProducts } from '../products/get-product.ts';

const sellerOnly = { auth: { access: ['seller'], owns: "the calling seller's own products" } } as const;

/** Registers the seller product routes. */
export function sellerRoutes(app: App, db: Db): void {
  app.post(
    '/seller/products',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Create a product',
        body: NewProduct,
        response: { 201: Type.Ref(Product) },
      },
    },
    async (request, reply) => {
      const product = await createProduct(db, principalOf(request), request.body, requestLocale(request));
      return reply.status(201).header('location', `/products/${product.id}`).send(product);
    },
  );
  app.get(
    '/seller/products',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: "The seller's own products",
        querystring: Type.Object(
          {
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref(Product)), total: Type.Integer() }) },
      },
    },
    async (request) =>
      listOwnProducts(
        db,
        principalOf(request),
        request.query.page,
        request.query.limit,
        requestLocale(request),
      ),
  );
}
