/** The customer's checkout and orders: place, list, read, follow live, cancel, ask for a return. */
import {
  CancelOrder,
  CheckoutRequest,
  NewReturn,
  Order,
  OrderPage,
  OrderStatus,
  OrderStreamQuery,
  ReturnRequest,
  checkoutSettled,
} from '@sauda/contracts';
import { idempotencyKeyOf, principalOf, requestLocale, withTransaction, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { checkOut } from '../checkout/check-out.ts';
import type { OrdersContext } from '../context.ts';
import { IdParams } from './params.ts';
import { findOrder } from '../data/orders-repo.ts';
import { OrderNotFound } from '../errors.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { listOrders } from '../orders/list-orders.ts';
import { orderChanges } from '../orders/order-changes.ts';
import { orderView } from '../orders/order-view.ts';
import { requestReturn } from '../returns/request-return.ts';
import { bearer } from './cart-routes.ts';
import { streamOrder } from './order-stream.ts';

const own = { access: ['customer'], owns: "the caller's own orders" } as const;
const tags = ['orders'];

/** Registers the customer routes. */
export function orderRoutes(app: App, ctx: OrdersContext): void {
  const view = (id: string) =>
    orderView(ctx.db, id, { returnWindowDays: ctx.settings.returnWindowDays, now: ctx.now() });
  const ownOrder = async (customerId: string, id: string, lock = false) => {
    const order = await findOrder(ctx.db, id, lock);
    if (!order || order.customer_id !== customerId) throw new OrderNotFound();
    return order;
  };

  app.post(
    '/checkout',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Check out the cart (Idempotency-Key): answers at once with the order; the saga goes on',
        headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 255 }) }),
        body: CheckoutRequest,
        response: { 202: Type.Object({ order: Order }) },
      },
    },
    async (request, reply) => {
      const caller = principalOf(request);
      const { order, replayed } = await checkOut(ctx, {
        caller,
        token: bearer(request),
        locale: requestLocale(request),
        key: idempotencyKeyOf(request),
        body: request.body,
      });
      if (replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(202).send({ order });
    },
  );
  app.get(
    '/orders',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'My orders, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(OrderStatus),
            page: Type.Integer({ minimum: 1, default: 1 }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrderPage },
      },
    },
    async (request) => listOrders(ctx.db, { ...request.query, customerId: principalOf(request).id }),
  );
  app.get(
    '/orders/:id',
    {
      config: { auth: own },
      schema: { tags, summary: 'One of my orders', params: IdParams, response: { 200: Order } },
    },
    async (request) => view((await ownOrder(principalOf(request).id, request.params.id)).id),
  );
  app.get(
    '/orders/:id/stream',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Server-sent events: the order on each change (event `order`)',
        params: IdParams,
        querystring: OrderStreamQuery,
      },
    },
    async (request, reply) => {
      const order = await ownOrder(principalOf(request).id, request.params.id);
      return streamOrder(request, reply, {
        orderId: order.id,
        changes: orderChanges(ctx.db),
        load: () => view(order.id),
        ...(request.query.until === 'settled'
          ? { endWhen: (o: { status: OrderStatus }) => checkoutSettled(o.status) }
          : {}),
      });
    },
  );
  app.post(
    '/orders/:id/cancel',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Cancel my order (or some lines) before it is packed',
        params: IdParams,
        body: CancelOrder,
        response: { 200: Order },
      },
    },
    async (request) => {
      const customerId = principalOf(request).id;
      await withTransaction(ctx.db, async (tx) => {
        const order = await findOrder(tx, request.params.id, true);
        if (!order || order.customer_id !== customerId) throw new OrderNotFound();
        await cancelOrder(ctx, tx, order, {
          by: 'customer',
          reason: request.body.reason ?? 'cancelled by the customer',
          lineIds: request.body.lineIds,
        });
      });
      ctx.kick(request.params.id);
      return view(request.params.id);
    },
  );
  app.post(
    '/orders/:id/returns',
    {
      config: { auth: own },
      schema: {
        tags: ['returns'],
        summary: 'Ask to return delivered items',
        params: IdParams,
        body: NewReturn,
        response: { 201: ReturnRequest },
      },
    },
    async (request, reply) => {
      const customerId = principalOf(request).id;
      const created = await withTransaction(ctx.db, (tx) =>
        requestReturn(ctx, tx, customerId, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );
}
