/** The fetch loop of one pg-boss queue: jobs are completed or failed one by one after the handler decided. */
import type PgBoss from 'pg-boss';
import { Waker } from './timing.ts';
import type { EventLogger, DeliverFn, DeliveryOutcome } from './transport.ts';

/** What the loop needs. */
export interface PgBossSubscriptionOptions {
  boss: PgBoss;
  schema: string;
  queue: string;
  pollMs: number;
  batchSize: number;
  deliver: DeliverFn;
  logger: EventLogger;
}

/**
 * Starts the loop. It uses fetch() rather than work(): work() completes or fails a whole batch together
 * and sleeps a full polling interval even while jobs are waiting.
 */
export function runPgBossSubscription(options: PgBossSubscriptionOptions): { stop(): Promise<void> } {
  const { boss, queue, logger } = options;
  const waker = new Waker();
  let stopping = false;

  async function settle(job: PgBoss.JobWithMetadata<unknown>, outcome: DeliveryOutcome): Promise<void> {
    if (outcome === 'ack') {
      await boss.complete(queue, job.id);
      return;
    }
    await boss.fail(queue, job.id, { message: 'handler asked for a retry' });
    // pg-boss 10 only knows a fixed or an uncapped exponential delay; the consumer's own backoff is set here.
    // Should this update fail the job is simply retried sooner.
    await boss.getDb().executeSql(
      `update ${options.schema}.job set start_after = now() + $3::int * interval '1 millisecond'
         where name = $1 and id = $2 and state = 'retry'`,
      [queue, job.id, Math.round(outcome.retryAfterMs)],
    );
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<unknown>[] = [];
      try {
        // fetch() answers [] when the database is unreachable, so an outage looks like an idle queue.
        jobs = await boss.fetch<unknown>(queue, { batchSize: options.batchSize, includeMetadata: true });
      } catch (error) {
        logger.warn({ err: error }, 'cannot fetch jobs');
      }
      for (const job of jobs) {
        let outcome: DeliveryOutcome;
        try {
          // retryCount is 0 on the first delivery and grows with each retry or expiry: attempt = retryCount + 1.
          outcome = await options.deliver(job.data, job.retryCount + 1);
        } catch (error) {
          logger.error({ err: error, jobId: job.id }, 'delivery failed unexpectedly; retrying');
          outcome = { retryAfterMs: 1000 };
        }
        try {
          await settle(job, outcome);
        } catch (error) {
          // The job stays active and pg-boss retries it when it expires; the inbox absorbs the repeat.
          logger.warn({ err: error, jobId: job.id }, 'cannot settle a job; it will be redelivered');
        }
      }
      if (jobs.length === 0 && !stopping) await waker.sleep(options.pollMs);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      waker.wake();
      await running;
    },
  };
}
