/** Provider webhooks (signed, raw body) and the sandbox bank's 3-D Secure style challenge. */
import { Money, PaymentIntent } from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { completeChallenge, describeChallenge } from '../intents/complete-challenge.ts';
import { receiveWebhook } from '../webhooks/receive-webhook.ts';

/** Registers the webhook and challenge routes. */
export async function webhookRoutes(app: App, ctx: PaymentContext): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the exact bytes: keep the body as the string that was sent.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/payment/webhooks/:provider',
      {
        config: { auth: { access: 'public', owns: 'provider notifications (signature checked)' } },
        schema: {
          tags: ['webhooks'],
          summary: 'Signed provider webhooks; deduplicated by event id',
          params: Type.Object(
            { provider: Type.Union([Type.Literal('sandbox'), Type.Literal('stripe')]) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ received: Type.Boolean(), duplicate: Type.Boolean() }) },
        },
      },
      async (request) => {
        const signature = request.headers['stripe-signature'] ?? request.headers['sandbox-signature'];
        // The plugin scope has no TypeBox provider; the params schema above has already validated this shape.
        const { provider } = request.params as { provider: 'sandbox' | 'stripe' };
        const { duplicate } = await receiveWebhook(
          ctx,
          provider,
          typeof request.body === 'string' ? request.body : '',
          typeof signature === 'string' ? signature : undefined,
        );
        return { received: true, duplicate };
      },
    );
  });
  const Params = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
  app.get(
    '/payment/sandbox/challenges/:id',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own payment confirmation" } },
      schema: {
        tags: ['sandbox'],
        summary: 'What the sandbox bank asks the customer to confirm',
        params: Params,
        response: {
          200: Type.Object({
            intentId: Type.String(),
            amount: Money,
            card: Type.Object({ brand: Type.String(), last4: Type.String() }),
            pending: Type.Boolean(),
          }),
        },
      },
    },
    async (request) => describeChallenge(ctx, principalOf(request), request.params.id),
  );
  app.post(
    '/payment/sandbox/challenges/:id',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own payment confirmation" } },
      schema: {
        tags: ['sandbox'],
        summary: 'Confirm or refuse the sandbox bank challenge',
        params: Params,
        body: Type.Object(
          { outcome: Type.Union([Type.Literal('approve'), Type.Literal('decline')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ intent: PaymentIntent, returnUrl: Type.Optional(Type.String()) }) },
      },
    },
    async (request) =>
      completeChallenge(ctx, principalOf(request), request.params.id, request.body.outcome === 'approve'),
  );
}
