/** The approve/reject routes of the returns queue, registered once for sellers and once for staff. */
import { ReturnRequest } from '@sauda/contracts';
import { principalOf, withTransaction, type App, type RouteAccess } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { OrdersContext } from '../context.ts';
import { decideReturn } from '../returns/decide-return.ts';
import { IdParams } from './params.ts';

const DecisionBody = Type.Optional(
  Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
);

/** `POST <prefix>/:id/approve` and `POST <prefix>/:id/reject`; `decideReturn` checks whose return it is. */
export function returnDecisionRoutes(
  app: App,
  ctx: OrdersContext,
  options: { prefix: string; auth: RouteAccess; summaries: { approve: string; reject: string } },
): void {
  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `${options.prefix}/:id/${verb}`,
      {
        config: { auth: options.auth },
        schema: {
          tags: ['returns'],
          summary: options.summaries[verb],
          params: IdParams,
          body: DecisionBody,
          response: { 200: ReturnRequest },
        },
      },
      async (request) =>
        withTransaction(ctx.db, (tx) =>
          decideReturn(ctx, tx, principalOf(request), request.params.id, {
            approve,
            note: request.body?.note,
          }),
        ),
    );
  }
}
