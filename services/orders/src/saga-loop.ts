/** Starts the saga machinery of one process: NOTIFY-driven runs, the sweeper, and their shutdown. */
import type { Db } from '@sauda/kit';
import type { Logger } from 'pino';
import { runSaga, startSagaSweeper } from './checkout/saga-runner.ts';
import type { OrdersContext } from './context.ts';
import type { OrderRow } from './data/orders-repo.ts';

/** Listens on `orders_saga` (a committed step that is due now) and sweeps every `sweepMs`. */
export async function startSagaLoop(
  db: Db,
  ctx: OrdersContext,
  sweepMs: number,
  logger?: Logger,
): Promise<{ stop(): Promise<void> }> {
  const running = new Set<Promise<void>>();
  const run = (orderId: string, claimed?: OrderRow) => {
    const job = runSaga(ctx, orderId, logger, claimed)
      .catch((error: unknown) =>
        logger?.warn({ err: error, orderId }, 'saga run failed; the sweeper retries'),
      )
      .finally(() => running.delete(job));
    running.add(job);
  };
  const listener = await db.listen('orders_saga', (orderId) => run(orderId));
  const sweeper = startSagaSweeper(ctx, sweepMs, logger);
  ctx.sagaRunner = { runClaimed: (order) => run(order.id, order) };
  return {
    async stop() {
      delete ctx.sagaRunner;
      await listener.unlisten();
      await sweeper.stop();
      await Promise.all(running);
    },
  };
}
