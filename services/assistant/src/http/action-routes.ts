/** Confirming a proposed action, and the support desk's list of hand-over tickets. */
import { ActionOutcome, SupportTicket, Uuid } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { confirmAction } from '../actions/confirm-action.ts';
import type { AssistantContext } from '../context.ts';
import { closeTicket, listTickets } from '../data/tickets-repo.ts';
import { TicketNotFound } from '../errors.ts';
import { callerToken } from './caller.ts';

const tags = ['assistant'];

/** Registers the action and ticket routes. */
export function actionRoutes(app: App, ctx: AssistantContext): void {
  app.post(
    '/assistant/actions/:id/confirm',
    {
      config: {
        auth: { access: 'public', owns: 'actions proposed to the caller in their own conversation' },
      },
      schema: {
        tags,
        summary: 'Confirm a proposed action: it runs once, through the owning service, as the caller',
        params: Type.Object({ id: Uuid }),
        response: { 200: ActionOutcome },
      },
    },
    async (request, reply) => {
      const token = callerToken(request);
      const { outcome, setCookie } = await confirmAction(ctx, request.params.id, {
        ...(request.principal ? { principal: request.principal } : {}),
        ...(token ? { token } : {}),
        ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}),
      });
      if (setCookie) void reply.header('set-cookie', setCookie);
      return outcome;
    },
  );
  app.get(
    '/assistant/admin/tickets',
    {
      config: { auth: { access: ['admin', 'support'], owns: 'every hand-over ticket (support desk)' } },
      schema: {
        tags,
        summary: 'Hand-over tickets, newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SupportTicket) }) },
      },
    },
    async (request) => ({ items: await listTickets(ctx.db, request.query.status, request.query.limit) }),
  );
  app.post(
    '/assistant/admin/tickets/:id/close',
    {
      config: { auth: { access: ['admin', 'support'], owns: 'every hand-over ticket (support desk)' } },
      schema: {
        tags,
        summary: 'Close a ticket',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      if (!(await closeTicket(ctx.db, request.params.id))) throw new TicketNotFound();
      return reply.status(204).send(null);
    },
  );
}
