/**
 * Server-sent events of one order: the whole order whenever it changes, a heartbeat in between. Changes come
 * from PostgreSQL (`LISTEN orders_changed`, one listener per process); a slow poll covers what the trigger
 * does not see (a lost listener connection, parcels and returns that do not touch the order row).
 */
import type { Order } from '@sauda/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OrderChanges } from '../orders/order-changes.ts';

/** The slow poll under the notifications. */
export const STREAM_FALLBACK_MS = 5000;
// Under the gateway's upstream body timeout, so an idle stream is never cut.
const HEARTBEAT_MS = 10_000;

/**
 * Streams `load()` as `event: order` each time it changes, until the client leaves, the order ends, or
 * `endWhen` says the client has what it came for (then the response ends cleanly and its connection is
 * kept alive for the client's next request, where a client hanging up would cost a new connection).
 */
export async function streamOrder(
  request: FastifyRequest,
  reply: FastifyReply,
  source: {
    orderId: string;
    changes: OrderChanges;
    load: () => Promise<Order>;
    fallbackMs?: number;
    endWhen?: (order: Order) => boolean;
  },
): Promise<FastifyReply> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tells nginx-style proxies not to buffer the stream.
    'x-accel-buffering': 'no',
  });
  const subscription = source.changes.subscribe(source.orderId);
  let last = '';
  let lastWrite = Date.now();
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
    subscription.close();
  });
  const terminal = new Set(['delivered', 'cancelled', 'failed']);
  const fallbackMs = source.fallbackMs ?? STREAM_FALLBACK_MS;
  try {
    while (!closed) {
      const order = await source.load();
      const stamp = JSON.stringify(order);
      if (stamp !== last) {
        raw.write(`event: order\ndata: ${stamp}\n\n`);
        last = stamp;
        lastWrite = Date.now();
        if (terminal.has(order.status) && !order.returnableLineIds.length) break;
        if (source.endWhen?.(order)) break;
      }
      const untilHeartbeat = Math.max(0, HEARTBEAT_MS - (Date.now() - lastWrite));
      const woke = await subscription.next(Math.min(fallbackMs, untilHeartbeat));
      if (woke === 'timeout' && Date.now() - lastWrite >= HEARTBEAT_MS && !closed) {
        raw.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
    }
  } catch (error) {
    request.log.warn({ err: error }, 'order stream read failed');
  } finally {
    subscription.close();
  }
  raw.end();
  return reply;
}
