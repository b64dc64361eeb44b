/** Admin: payments, refunds, commission rates, payout batches and their bank files. */
import { CommissionRate, IntentStatus, PaymentIntent, Payout, PayoutBatch, Refund } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { listPayments, listRefunds } from '../intents/list-payments.ts';
import { listCommissionRates, setCommissionRate } from '../ledger/commission-rates.ts';
import { createPayoutBatch } from '../payouts/create-payout-batch.ts';
import { listBatches, listPayouts, markBatchPaid, payoutFile } from '../payouts/payout-queries.ts';
import { CurrencyQuery, IdParams, Paging } from './schemas.ts';

const admin = { auth: { access: ['admin'], owns: 'every payment, rate and payout' } } as const;
const adminOrSupport = { auth: { access: ['admin', 'support'], owns: 'every payment and refund' } } as const;

/** Registers the admin routes. */
export function adminRoutes(app: App, ctx: PaymentContext): void {
  app.get(
    '/payment/admin/payments',
    {
      config: adminOrSupport,
      schema: {
        tags: ['admin'],
        summary: 'Payments, newest first',
        querystring: Type.Object(
          {
            ...Paging,
            status: Type.Optional(IntentStatus),
            customerId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PaymentIntent), total: Type.Integer() }) },
      },
    },
    async (request) => listPayments(ctx.db, request.query),
  );
  app.get(
    '/payment/admin/refunds',
    {
      config: adminOrSupport,
      schema: {
        tags: ['admin'],
        summary: 'Refunds, newest first',
        querystring: Type.Object(Paging, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Refund), total: Type.Integer() }) },
      },
    },
    async (request) => listRefunds(ctx.db, request.query.page, request.query.limit),
  );
  app.get(
    '/payment/admin/commission-rates',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Commission rates',
        response: { 200: Type.Object({ items: Type.Array(CommissionRate) }) },
      },
    },
    async () => ({ items: await listCommissionRates(ctx.db) }),
  );
  app.put(
    '/payment/admin/commission-rates',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Set a commission rate (default, category or seller)',
        body: CommissionRate,
        response: { 200: CommissionRate },
      },
    },
    async (request) => setCommissionRate(ctx.db, request.body),
  );
  app.get(
    '/payment/admin/payout-batches',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'Payout batches',
        response: { 200: Type.Object({ items: Type.Array(PayoutBatch) }) },
      },
    },
    async () => ({ items: await listBatches(ctx.db) }),
  );
  app.post(
    '/payment/admin/payout-batches',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary:
          'Batch the payouts of every seller up to the period end (never money still inside the return window)',
        querystring: CurrencyQuery,
        body: Type.Object(
          { periodEnd: Type.Optional(Type.String({ format: 'date-time' })) },
          { additionalProperties: false },
        ),
        response: { 201: PayoutBatch },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPayoutBatch(
            ctx.db,
            request.body.periodEnd ? new Date(request.body.periodEnd) : new Date(),
            request.query.currency,
          ),
        ),
  );
  app.get(
    '/payment/admin/payout-batches/:id/payouts',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'The payouts of a batch',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Payout) }) },
      },
    },
    async (request) => ({ items: await listPayouts(ctx.db, { batchId: request.params.id }) }),
  );
  app.get(
    '/payment/admin/payout-batches/:id/file',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'The bank payout file (CSV) of a batch',
        params: IdParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payouts-${request.params.id}.csv"`)
        .send(await payoutFile(ctx.db, request.params.id)),
  );
  app.post(
    '/payment/admin/payout-batches/:id/paid',
    {
      config: admin,
      schema: {
        tags: ['admin'],
        summary: 'The bank confirmed the batch: payouts become paid',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await markBatchPaid(ctx.db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
