/** Server-sent events of one order: the whole order whenever it changes, a heartbeat in between. */
import type { Order } from '@sauda/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

const POLL_MS = 500;
// Under the gateway's upstream body timeout, so an idle stream is never cut.
const HEARTBEAT_MS = 10_000;

/** Streams `load()` as `event: order` each time `updatedAt` moves, until the client leaves or it ends. */
export async function streamOrder(
  request: FastifyRequest,
  reply: FastifyReply,
  load: () => Promise<Order>,
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
  let last = '';
  let lastWrite = Date.now();
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  const terminal = new Set(['delivered', 'cancelled', 'failed']);
  while (!closed) {
    try {
      const order = await load();
      const stamp = `${order.updatedAt}|${order.status}|${order.payment.status}`;
      if (stamp !== last) {
        raw.write(`event: order\ndata: ${JSON.stringify(order)}\n\n`);
        last = stamp;
        lastWrite = Date.now();
        if (terminal.has(order.status) && !order.returnableLineIds.length) break;
      } else if (Date.now() - lastWrite > HEARTBEAT_MS) {
        raw.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
    } catch (error) {
      request.log.warn({ err: error }, 'order stream read failed');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  raw.end();
  return reply;
}
