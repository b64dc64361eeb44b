/**
 * The saga runner: takes an order whose next step is due under a lease (one worker at a time, a crashed
 * worker's lease runs out), runs the step, and goes on while the next one is due at once. Every step is
 * idempotent (keys derived from the order), so a step retried after a crash does its effect once.
 */
import {
  AppError,
  resumeTrace,
  startSweeper,
  UpstreamUnavailable,
  withTransaction,
  type Sweeper,
} from '@sauda/kit';
import type { Logger } from 'pino';
import type { OrdersContext } from '../context.ts';
import type { OrderRow } from '../data/orders-repo.ts';
import { noteStep } from '../data/orders-repo.ts';
import { checkoutSteps } from './checkout-metrics.ts';
import { runStep } from './saga-frame.ts';
import { SAGA_STEPS } from './steps/index.ts';

/** Exponential backoff of a step whose service is down: min × 2^(attempt−1), at most max. */
export function retryDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
}

/** Takes the order's due step under a lease; undefined when it is not due or another worker has it. */
async function claim(ctx: OrdersContext, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await ctx.db<OrderRow[]>`
    update orders set saga_lease_until = now() + ${ctx.settings.sagaLeaseMs} * interval '1 millisecond',
      saga_attempts = saga_attempts + 1
    where id = ${orderId} and saga_next_at is not null and saga_next_at <= now()
      and (saga_lease_until is null or saga_lease_until < now())
    returning *`;
  return row;
}

/**
 * Runs the order's due steps one after another (a step that schedules the next one due now goes on);
 * `claimed` is the first step when the caller already holds its lease.
 */
export async function runSaga(
  ctx: OrdersContext,
  orderId: string,
  logger?: Logger,
  claimed?: OrderRow,
): Promise<void> {
  let first = claimed;
  for (let guard = 0; guard < 12; guard += 1) {
    const order = first ?? (await claim(ctx, orderId));
    first = undefined;
    if (!order) return;
    const step = SAGA_STEPS[order.saga_state];
    if (!step) {
      await ctx.db`update orders set saga_next_at = null, saga_lease_until = null where id = ${orderId}`;
      return;
    }
    let scheduled: boolean;
    try {
      // The step runs in the trace that scheduled it: one checkout is one trace across services.
      scheduled = await runStep(orderId, () =>
        resumeTrace(
          `saga ${order.saga_state}`,
          order.saga_trace,
          { 'sauda.order.id': orderId, 'sauda.saga.step': order.saga_state },
          () => step(ctx, order),
        ),
      );
      checkoutSteps.inc({ step: order.saga_state, outcome: 'succeeded' });
    } catch (error) {
      checkoutSteps.inc({ step: order.saga_state, outcome: 'retried' });
      const delay = retryDelay(order.saga_attempts, ctx.settings.retryMinMs, ctx.settings.retryMaxMs);
      const expected = error instanceof AppError;
      logger?.[expected ? 'warn' : 'error'](
        { err: error, orderId, step: order.saga_state, retryInMs: delay },
        'saga step failed; retried later',
      );
      await withTransaction(ctx.db, async (tx) => {
        await tx`
          update orders set saga_lease_until = null,
            saga_next_at = now() + ${delay} * interval '1 millisecond'
          where id = ${orderId}`;
        if (!(error instanceof UpstreamUnavailable) || order.saga_attempts === 1)
          await noteStep(tx, orderId, order.saga_state, 'failed', errorDetail(error));
      });
      return;
    }
    // Waiting for an event (or done): no claim to try. A step scheduled for later is claimed if due.
    if (!scheduled) return;
  }
}

function errorDetail(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Every replica sweeps for due steps (a missed NOTIFY, a retry whose time came, a crashed worker's lease). */
export function startSagaSweeper(ctx: OrdersContext, everyMs: number, logger?: Logger): Sweeper {
  return startSweeper(
    everyMs,
    async () => {
      const due = await ctx.db<{ id: string }[]>`
        select id from orders
        where saga_next_at is not null and saga_next_at <= now()
          and (saga_lease_until is null or saga_lease_until < now())
        order by saga_next_at limit 50`;
      await Promise.all(due.map((row) => runSaga(ctx, row.id, logger)));
    },
    (error) => logger?.warn({ err: error }, 'saga sweep failed; retried next interval'),
  );
}
