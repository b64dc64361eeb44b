/** Cash on delivery: a round's collected cash is reconciled once, capturing its payments. */
import { Money } from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { reconcileCollection } from '../cod/reconcile-collection.ts';
import type { PaymentContext } from '../context.ts';

const Line = Type.Object(
  { intentId: Type.String({ format: 'uuid' }), amount: Money },
  { additionalProperties: false },
);

/** Registers the collection route. */
export function codRoutes(app: App, ctx: PaymentContext): void {
  app.post(
    '/payment/cod/collections',
    {
      config: { auth: { access: ['dispatcher', 'admin'], owns: "a delivery round's cash (staff)" } },
      schema: {
        tags: ['cod'],
        summary: "Reconcile a round's collected cash (once per round; a resent report replays the result)",
        body: Type.Object(
          {
            roundId: Type.String({ format: 'uuid' }),
            driverId: Type.String({ format: 'uuid' }),
            collections: Type.Array(Line, { maxItems: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            roundId: Type.String(),
            captured: Type.Array(Line),
            rejected: Type.Array(Type.Object({ intentId: Type.String(), reason: Type.String() })),
            replayed: Type.Boolean(),
          }),
        },
      },
    },
    async (request) => reconcileCollection(ctx, principalOf(request), request.body),
  );
}
