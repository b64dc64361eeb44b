/** Mutating routes answer through the kit's idempotency store: same key and body → the stored first answer. */
import { idempotencyKeyOf, principalOf, withIdempotency, type Tx } from '@sauda/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PaymentContext } from '../context.ts';

/** Runs `work` once per (route, caller, Idempotency-Key) and sends its answer; replays say so in a header. */
export async function replyOnce<T>(
  ctx: PaymentContext,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: (tx: Tx) => Promise<T>,
): Promise<FastifyReply> {
  const key = idempotencyKeyOf(request);
  const caller = principalOf(request);
  const answer = await withIdempotency(
    ctx.db,
    {
      scope: `${request.method} ${request.routeOptions.url ?? request.url}:${caller.id}`,
      key,
      fingerprint: { params: request.params, body: request.body ?? null },
    },
    async (tx) => ({ status, body: await work(tx) }),
  );
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).send(answer.body);
}
