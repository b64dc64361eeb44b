/** Staff: the customer mail orders sent (a development aid: registered in embedded mode only). */
import { Uuid } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { OrdersContext } from '../context.ts';
import { listOrderMail } from '../notifications/list-mail.ts';
import { Paging } from './params.ts';

const OrderMail = Type.Object({
  id: Uuid,
  orderId: Type.Union([Uuid, Type.Null()]),
  to: Type.String(),
  locale: Type.String(),
  template: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

/** Registers the mail viewer when the settings allow it. */
export function mailRoutes(app: App, ctx: OrdersContext): void {
  if (!ctx.settings.mailViewer) return;
  app.get(
    '/admin/orders/mail',
    {
      config: { auth: { access: ['admin', 'support'], owns: "any customer's order mail (staff)" } },
      schema: {
        tags: ['admin orders'],
        summary: 'Customer mail about orders, newest first, with its delivery state (embedded mode)',
        querystring: Type.Object(
          { to: Type.Optional(Type.String({ maxLength: 254 })), ...Paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(OrderMail),
            total: Type.Integer(),
            page: Type.Integer(),
            limit: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listOrderMail(ctx.db, request.query),
  );
}
