/** Payment intents: create (authorize), read, capture, void, refund — every mutation idempotent by key. */
import { NewPaymentIntent, PaymentIntent, Refund, type Role } from '@sauda/contracts';
import { assertOwner, hasRole, principalOf, type App, type Principal } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { findIntent, toIntent } from '../data/intents-repo.ts';
import { IntentNotFound } from '../errors.ts';
import { captureIntent } from '../intents/capture-intent.ts';
import { authorizeAtProvider, openIntent, type DueAuthorization } from '../intents/create-intent.ts';
import { voidIntent } from '../intents/void-intent.ts';
import { refundIntent } from '../refunds/refund-intent.ts';
import { replyOnce } from './idempotent.ts';
import { IdempotencyHeaders, IdParams } from './schemas.ts';

const staff: Role[] = ['admin', 'support'];
/** Staff, and `orders` calling as itself for the saga (ADR 0004); services act for the customer named. */
const staffOrService: Role[] = [...staff, 'service'];
const IntentAnswer = Type.Object({ intent: PaymentIntent });

/** The intent if the caller owns it or is staff; another customer's intent is "not found". */
async function visibleIntent(ctx: PaymentContext, caller: Principal, id: string) {
  const row = await findIntent(ctx.db, id);
  if (!row || (row.customer_id !== caller.id && !caller.roles.some((r) => staffOrService.includes(r))))
    throw new IntentNotFound();
  return row;
}

/** Registers the intent routes. */
export function intentRoutes(app: App, ctx: PaymentContext): void {
  app.post(
    '/payment/intents',
    {
      config: {
        auth: {
          access: ['customer', 'admin', 'service'],
          owns: "the caller's own payments (admin, or orders as a service: the customer named)",
        },
      },
      schema: {
        tags: ['intents'],
        summary: 'Create and authorize a payment for an order',
        headers: IdempotencyHeaders,
        body: NewPaymentIntent,
        response: { 201: IntentAnswer },
      },
    },
    async (request, reply) => {
      const caller = principalOf(request);
      if (!hasRole(caller, 'service')) assertOwner(caller, request.body.customerId, { adminMayAct: true });
      // The intent is stored first; a card's bank is asked after that commit, with no transaction waiting.
      let due: DueAuthorization | undefined;
      return replyOnce(
        ctx,
        request,
        reply,
        201,
        async (tx) => {
          const opened = await openIntent(ctx, tx, request.body);
          due = opened.due;
          return { intent: toIntent(opened.row) };
        },
        async (keep) => {
          if (!due) return undefined;
          // The replayed answer is replaced in the transaction that applies the bank's answer.
          const row = await authorizeAtProvider(ctx, due, (tx, final) =>
            keep(tx, { intent: toIntent(final) }),
          );
          return { intent: toIntent(row) };
        },
      );
    },
  );
  app.get(
    '/payment/intents/:id',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own payment (staff: any)" } },
      schema: {
        tags: ['intents'],
        summary: 'A payment and its status',
        params: IdParams,
        response: { 200: IntentAnswer },
      },
    },
    async (request) => ({
      intent: toIntent(await visibleIntent(ctx, principalOf(request), request.params.id)),
    }),
  );
  app.post(
    '/payment/intents/:id/capture',
    {
      config: {
        auth: { access: ['admin', 'support', 'dispatcher', 'service'], owns: 'any payment (staff, orders)' },
      },
      schema: {
        tags: ['intents'],
        summary: 'Capture all or part of an authorized payment (the rest is released)',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { amount: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: IntentAnswer },
      },
    },
    async (request, reply) =>
      replyOnce(ctx, request, reply, 200, async (tx) => ({
        intent: await captureIntent(ctx, tx, request.params.id, request.body?.amount),
      })),
  );
  app.post(
    '/payment/intents/:id/void',
    {
      config: { auth: { access: 'authenticated', owns: "the caller's own payment (staff: any)" } },
      schema: {
        tags: ['intents'],
        summary: 'Release an authorization',
        headers: IdempotencyHeaders,
        params: IdParams,
        response: { 200: IntentAnswer },
      },
    },
    async (request, reply) => {
      await visibleIntent(ctx, principalOf(request), request.params.id);
      return replyOnce(ctx, request, reply, 200, async (tx) => ({
        intent: await voidIntent(ctx, tx, request.params.id),
      }));
    },
  );
  app.post(
    '/payment/intents/:id/refunds',
    {
      config: { auth: { access: staffOrService, owns: 'any payment (staff, orders)' } },
      schema: {
        tags: ['refunds'],
        summary: 'Refund all or part of a captured payment, to the original method or to the wallet',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: Type.Object(
          {
            amount: Type.Optional(Type.Integer({ minimum: 1 })),
            destination: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('wallet')])),
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ refund: Refund }) },
      },
    },
    async (request, reply) =>
      replyOnce(ctx, request, reply, 201, async (tx) => ({
        refund: await refundIntent(ctx, tx, request.params.id, request.body),
      })),
  );
}
