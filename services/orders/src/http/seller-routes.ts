/** The seller panel: their seller orders (only theirs), cancelling their lines (out of stock), their returns. */
import {
  OrderLine,
  ReturnRequest,
  ReturnStatus,
  SellerOrder,
  SellerOrderStatus,
  ShippingAddressSnapshot,
  Uuid,
} from '@sauda/contracts';
import { principalOf, withTransaction, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { OrdersContext } from '../context.ts';
import { findOrder } from '../data/orders-repo.ts';
import { OrderNotFound } from '../errors.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { listReturns } from '../returns/list-returns.ts';
import { IdParams, Paging } from './params.ts';
import { returnDecisionRoutes } from './return-decision-routes.ts';
import { getSellerOrder, listSellerOrders } from '../sellers/seller-orders.ts';

const seller = {
  access: ['seller'],
  owns: "the caller's own seller orders and returns of their items",
} as const;
const SellerOrderDetail = Type.Object({
  sellerOrder: SellerOrder,
  lines: Type.Array(OrderLine),
  shippingAddress: ShippingAddressSnapshot,
});

/** Registers the seller routes. */
export function sellerRoutes(app: App, ctx: OrdersContext): void {
  app.get(
    '/seller/orders',
    {
      config: { auth: seller },
      schema: {
        tags: ['seller orders'],
        summary: 'My seller orders, newest first',
        querystring: Type.Object(
          { status: Type.Optional(SellerOrderStatus), ...Paging },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SellerOrder), total: Type.Integer() }) },
      },
    },
    async (request) => listSellerOrders(ctx.db, principalOf(request).id, request.query),
  );
  app.get(
    '/seller/orders/:id',
    {
      config: { auth: seller },
      schema: {
        tags: ['seller orders'],
        summary: 'One of my seller orders',
        params: IdParams,
        response: { 200: SellerOrderDetail },
      },
    },
    async (request) => getSellerOrder(ctx.db, principalOf(request).id, request.params.id),
  );
  app.post(
    '/seller/orders/:id/cancel',
    {
      config: { auth: seller },
      schema: {
        tags: ['seller orders'],
        summary: 'Cancel my seller order, or some of its lines, as out of stock (refunded to the customer)',
        params: IdParams,
        body: Type.Object(
          {
            lineIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100 })),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SellerOrderDetail },
      },
    },
    async (request) => {
      const sellerId = principalOf(request).id;
      const { sellerOrder } = await getSellerOrder(ctx.db, sellerId, request.params.id);
      await withTransaction(ctx.db, async (tx) => {
        const order = await findOrder(tx, sellerOrder.orderId, true);
        if (!order) throw new OrderNotFound();
        await cancelOrder(ctx, tx, order, {
          by: 'seller',
          reason: request.body.reason ?? 'out of stock',
          lineIds: request.body.lineIds ?? sellerOrder.lineIds,
          sellerId,
        });
      });
      ctx.kick(sellerOrder.orderId);
      return getSellerOrder(ctx.db, sellerId, request.params.id);
    },
  );
  app.get(
    '/seller/returns',
    {
      config: { auth: seller },
      schema: {
        tags: ['returns'],
        summary: 'Returns of my items',
        querystring: Type.Object(
          { status: Type.Optional(ReturnStatus), ...Paging },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReturnRequest), total: Type.Integer() }) },
      },
    },
    async (request) => listReturns(ctx.db, { ...request.query, sellerId: principalOf(request).id }),
  );
  returnDecisionRoutes(app, ctx, {
    prefix: '/seller/returns',
    auth: seller,
    summaries: {
      approve: 'Approve a return of my items',
      reject: 'Reject a return of my items, with a note',
    },
  });
}
