/** Who is calling: the verified principal and the raw bearer token the tools forward as-is. */
import type { FastifyRequest } from 'fastify';

/** The caller's bearer token, only when the kit verified it (a principal is set). */
export function callerToken(request: FastifyRequest): string | undefined {
  if (!request.principal) return undefined;
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}
