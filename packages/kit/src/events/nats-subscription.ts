/** The pull loop of one durable JetStream consumer: one message at a time, acked after the handler commits. */
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { errorMessage, Waker } from './timing.ts';
import type { EventLogger, DeliverFn, DeliveryOutcome } from './transport.ts';

/** What the loop needs. */
export interface NatsSubscriptionOptions {
  js: JetStreamClient;
  stream: string;
  durable: string;
  ackWaitMs: number;
  deliver: DeliverFn;
  logger: EventLogger;
}

/** Starts the loop; `stop()` finishes the message in hand and hands buffered ones back to the server. */
export function runNatsSubscription(options: NatsSubscriptionOptions): { stop(): Promise<void> } {
  const { js, stream, durable, logger } = options;
  const waker = new Waker();
  let stopping = false;
  let messages: ConsumerMessages | undefined;

  async function handle(msg: JsMsg): Promise<void> {
    if (stopping) {
      // Prefetched but not started: give it back now rather than after ack_wait.
      msg.nak();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(msg.string());
    } catch {
      body = msg.string(); // not JSON: the consumer dead-letters it as it is
    }
    // Tell the server the handler is still busy so a slow handler is not redelivered to another replica.
    const heartbeat = setInterval(() => msg.working(), Math.max(1000, options.ackWaitMs / 3));
    let outcome: DeliveryOutcome;
    try {
      outcome = await options.deliver(body, msg.info.deliveryCount);
    } catch (error) {
      logger.error({ err: error }, 'delivery failed unexpectedly; redelivering');
      outcome = { retryAfterMs: 1000 };
    } finally {
      clearInterval(heartbeat);
    }
    if (outcome === 'ack') msg.ack();
    else msg.nak(outcome.retryAfterMs);
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
        for await (const msg of messages) await handle(msg);
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
      // Unsubscribes now; the iteration then yields what was already buffered (naked above) and ends.
      messages?.stop();
      await running;
    },
  };
}
