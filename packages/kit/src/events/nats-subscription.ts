/**
 * The pull loop of one durable JetStream consumer. Messages are handled in arrival order, each acked after
 * the handler's transaction commits; when several are already waiting they go to `deliverBatch` together
 * (one transaction for all of them under load instead of one each).
 */
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { errorMessage, Waker } from './timing.ts';
import type { DeliverBatchFn, DeliverFn, Delivery, DeliveryOutcome, EventLogger } from './transport.ts';

/** What the loop needs. */
export interface NatsSubscriptionOptions {
  js: JetStreamClient;
  stream: string;
  durable: string;
  ackWaitMs: number;
  deliver: DeliverFn;
  deliverBatch?: DeliverBatchFn;
  /** Most messages handled together (and buffered while a batch runs). */
  batchMax?: number;
  /** Batches (or single messages) handled at the same time; 1 keeps the stream's order. */
  parallel?: number;
  logger: EventLogger;
}

const DEFAULT_BATCH_MAX = 16;

/** Starts the loop; `stop()` finishes the batch in hand and hands buffered messages back to the server. */
export function runNatsSubscription(options: NatsSubscriptionOptions): { stop(): Promise<void> } {
  const { js, stream, durable, logger } = options;
  const batchMax = options.deliverBatch ? (options.batchMax ?? DEFAULT_BATCH_MAX) : 1;
  const parallel = Math.max(1, options.parallel ?? 1);
  const waker = new Waker();
  // Woken when a message arrives or a lane finishes.
  const changed = new Waker();
  const drained = new Waker();
  const queue: JsMsg[] = [];
  let stopping = false;
  let messages: ConsumerMessages | undefined;

  function body(msg: JsMsg): unknown {
    try {
      return JSON.parse(msg.string());
    } catch {
      return msg.string(); // not JSON: the consumer dead-letters it as it is
    }
  }

  async function outcomesOf(batch: readonly JsMsg[]): Promise<DeliveryOutcome[]> {
    const deliveries: Delivery[] = batch.map((msg) => ({
      message: body(msg),
      attempt: msg.info.deliveryCount,
    }));
    if (deliveries.length > 1 && options.deliverBatch) return options.deliverBatch(deliveries);
    const outcomes: DeliveryOutcome[] = [];
    for (const one of deliveries) outcomes.push(await options.deliver(one.message, one.attempt));
    return outcomes;
  }

  async function handle(batch: readonly JsMsg[]): Promise<void> {
    // Tell the server the handler is still busy so a slow handler is not redelivered to another replica.
    const heartbeat = setInterval(
      () => batch.forEach((msg) => msg.working()),
      Math.max(1000, options.ackWaitMs / 3),
    );
    let outcomes: DeliveryOutcome[];
    try {
      outcomes = await outcomesOf(batch);
    } catch (error) {
      logger.error({ err: error }, 'delivery failed unexpectedly; redelivering');
      outcomes = batch.map(() => ({ retryAfterMs: 1000 }));
    } finally {
      clearInterval(heartbeat);
    }
    batch.forEach((msg, i) => {
      const outcome = outcomes[i] ?? { retryAfterMs: 1000 };
      if (outcome === 'ack') msg.ack();
      else msg.nak(outcome.retryAfterMs);
    });
  }

  /** Moves messages from the server's pull into the queue, holding back while a full batch waits. */
  async function pump(from: ConsumerMessages): Promise<void> {
    for await (const msg of from) {
      if (stopping) {
        // Prefetched but not started: give it back now rather than after ack_wait.
        msg.nak();
        continue;
      }
      queue.push(msg);
      changed.wake();
      while (queue.length >= batchMax * parallel && !stopping) await drained.sleep(1000);
    }
  }

  /** Handles what the queue holds, a batch at a time per lane, until the pump ends and the queue is empty. */
  async function work(pumping: { done: boolean }): Promise<void> {
    const lanes = new Set<Promise<void>>();
    while (!pumping.done || queue.length > 0 || lanes.size > 0) {
      if (queue.length === 0 || lanes.size >= parallel) {
        await changed.sleep(1000);
        continue;
      }
      const batch = queue.splice(0, batchMax);
      drained.wake();
      if (stopping) {
        batch.forEach((msg) => msg.nak());
        continue;
      }
      const lane: Promise<void> = handle(batch)
        // An ack that cannot be sent (the connection closed) leaves the message to be redelivered.
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'could not answer the broker; redelivered later'),
        )
        .finally(() => {
          lanes.delete(lane);
          changed.wake();
        });
      lanes.add(lane);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        const consumer = await js.consumers.get(stream, durable);
        // A small prefetch: the ack_wait clock of a buffered message runs while it waits its turn.
        messages = await consumer.consume({ max_messages: 8 });
        if (stopping) {
          // stop() came while we were connecting. (close() would wait for an iteration that never starts.)
          messages.stop();
          return;
        }
        const pumping = { done: false };
        const worker = work(pumping);
        try {
          await pump(messages);
        } finally {
          pumping.done = true;
          changed.wake();
          await worker;
        }
      } catch (error) {
        // The iterator ends on errors such as a deleted consumer; back off and pull again.
        if (!stopping)
          logger.warn({ err: error }, 'JetStream pull stopped (%s); resuming', errorMessage(error));
      }
      if (!stopping) await waker.sleep(1000);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      waker.wake();
      drained.wake();
      // Unsubscribes now; the iteration then yields what was already buffered (naked above) and ends.
      messages?.stop();
      await running;
    },
  };
}
