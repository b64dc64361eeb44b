/** Seller stock: a seller sees and sets only their own SKUs' stock. */
import { SellerStockItem, SetStock, Uuid } from '@sauda/contracts';
import { principalOf, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { listSellerStock } from '../sellers/list-seller-stock.ts';
import { setLowThreshold } from '../sellers/set-low-threshold.ts';
import { setSellerStock } from '../sellers/set-seller-stock.ts';

const sellerOnly = { auth: { access: ['seller'], owns: "the calling seller's own SKUs" } } as const;
const VariantParams = Type.Object({ variantId: Uuid });

/** Registers `/seller/stock` routes. */
export function sellerRoutes(app: App, db: Db): void {
  app.get(
    '/seller/stock',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: "The seller's SKUs with stock per depot",
        response: { 200: Type.Object({ items: Type.Array(SellerStockItem) }) },
      },
    },
    async (request) => ({ items: await listSellerStock(db, principalOf(request)) }),
  );
  app.put(
    '/seller/stock/:variantId',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Set on-hand units of an own SKU in a depot (the default depot when omitted)',
        params: VariantParams,
        body: SetStock,
        response: { 200: SellerStockItem },
      },
    },
    async (request) => setSellerStock(db, principalOf(request), request.params.variantId, request.body),
  );
  app.put(
    '/seller/stock/:variantId/threshold',
    {
      config: sellerOnly,
      schema: {
        tags: ['seller'],
        summary: 'Set the low-stock alert threshold of an own SKU',
        params: VariantParams,
        body: Type.Object(
          { threshold: Type.Integer({ minimum: 0, maximum: 100_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: SellerStockItem },
      },
    },
    async (request) =>
      setLowThreshold(db, principalOf(request), request.params.variantId, request.body.threshold),
  );
}
