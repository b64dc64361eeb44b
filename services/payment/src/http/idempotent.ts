/** Mutating routes answer through the kit's idempotency store: same key and body → the stored first answer. */
import { idempotencyKeyOf, principalOf, replaceAnswer, withIdempotency, type Tx } from '@sauda/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PaymentContext } from '../context.ts';

/**
 * Runs `work` once per (route, caller, Idempotency-Key) and sends its answer; replays say so in a header.
 * `after`, when given, runs once the first answer is committed (not on replays): it stores its answer with
 * `keep`, in the transaction that reaches it, for later replays, and returns it to send; if it fails, the
 * committed first answer is sent.
 */
export async function replyOnce<T>(
  ctx: PaymentContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (tx: Tx) => Promise<T>,
  after?: (keep: (tx: Tx, body: T) => Promise<void>) => Promise<T | undefined>,
): Promise<FastifyReply> {
  const key = idempotencyKeyOf(request);
  const caller = principalOf(request);
  const stored = {
    scope: `${request.method} ${request.routeOptions.url ?? request.url}:${caller.id}`,
    key,
    fingerprint: { params: request.params, body: request.body ?? null },
  };
  const answer = await withIdempotency(ctx.db, stored, async (tx) => ({ status, body: await work(tx) }));
  if (answer.replayed)
    return reply.header('idempotent-replayed', 'true').status(answer.status).send(answer.body);
  if (after) {
    try {
      const keep = (tx: Tx, body: T) => replaceAnswer(tx, stored, { status, body });
      const final = await after(keep);
      if (final !== undefined) return reply.status(status).send(final);
    } catch (error) {
      // What was committed stands (e.g. a payment still processing); a sweep finishes the rest.
      request.log.warn(
        { err: error },
        'the second part of an idempotent request failed; answering the first',
      );
    }
  }
  return reply.status(answer.status).send(answer.body);
}
