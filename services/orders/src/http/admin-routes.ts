/** Admin and support: every order with search and filters, the saga's steps, cancellations, returns. */
import { AdminOrder, OrderPage, OrderStatus, ReturnRequest, ReturnStatus, Uuid } from '@sauda/contracts';
import { principalOf, withTransaction, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { OrdersContext } from '../context.ts';
import { findOrder } from '../data/orders-repo.ts';
import { OrderNotFound } from '../errors.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { listOrders } from '../orders/list-orders.ts';
import { orderView } from '../orders/order-view.ts';
import { listReturns } from '../returns/list-returns.ts';
import { IdParams, Paging } from './params.ts';
import { returnDecisionRoutes } from './return-decision-routes.ts';

const read = { access: ['admin', 'support'], owns: "any customer's orders (staff)" } as const;
const write = { access: ['admin'], owns: "any customer's orders (admin)" } as const;

/** Registers the admin routes. */
export function adminRoutes(app: App, ctx: OrdersContext): void {
  const adminView = async (id: string) => {
    const order = await orderView(ctx.db, id, {
      returnWindowDays: ctx.settings.returnWindowDays,
      now: ctx.now(),
    });
    const [row] = await ctx.db<
      { customer_email: string | null }[]
    >`select customer_email from orders where id = ${id}`;
    const saga = await ctx.db<
      Array<{
        step: string;
        state: 'started' | 'succeeded' | 'failed' | 'compensated';
        at: Date;
        detail: string | null;
      }>
    >`
      select step, state, at, detail from saga_steps where order_id = ${id} order by id`;
    return {
      ...order,
      customerEmail: row?.customer_email ?? null,
      saga: saga.map((s) => ({ step: s.step, state: s.state, at: s.at.toISOString(), detail: s.detail })),
    };
  };
  app.get(
    '/admin/orders',
    {
      config: { auth: read },
      schema: {
        tags: ['admin orders'],
        summary: 'Find orders by number or email, status, seller and dates',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(OrderStatus),
            sellerId: Type.Optional(Uuid),
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: OrderPage },
      },
    },
    async (request) => listOrders(ctx.db, request.query),
  );
  app.get(
    '/admin/orders/:id',
    {
      config: { auth: read },
      schema: {
        tags: ['admin orders'],
        summary: 'An order with its saga steps',
        params: IdParams,
        response: { 200: AdminOrder },
      },
    },
    async (request) => adminView(request.params.id),
  );
  app.post(
    '/admin/orders/:id/cancel',
    {
      config: { auth: write },
      schema: {
        tags: ['admin orders'],
        summary: 'Cancel an order, or some lines, until it ships (void or refund follows)',
        params: IdParams,
        body: Type.Object(
          {
            reason: Type.Optional(Type.String({ maxLength: 500 })),
            lineIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AdminOrder },
      },
    },
    async (request) => {
      await withTransaction(ctx.db, async (tx) => {
        const order = await findOrder(tx, request.params.id, true);
        if (!order) throw new OrderNotFound();
        await cancelOrder(ctx, tx, order, {
          by: 'admin',
          reason: request.body.reason ?? `cancelled by ${principalOf(request).id}`,
          lineIds: request.body.lineIds,
        });
      });
      ctx.kick(request.params.id);
      return adminView(request.params.id);
    },
  );
  app.get(
    '/admin/returns',
    {
      config: { auth: read },
      schema: {
        tags: ['returns'],
        summary: 'Every return, by status',
        querystring: Type.Object(
          { status: Type.Optional(ReturnStatus), ...Paging },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReturnRequest), total: Type.Integer() }) },
      },
    },
    async (request) => listReturns(ctx.db, request.query),
  );
  returnDecisionRoutes(app, ctx, {
    prefix: '/admin/returns',
    auth: { access: ['admin', 'support'], owns: "any customer's returns (staff)" },
    summaries: { approve: 'Approve a return', reject: 'Reject a return, with a note' },
  });
}
