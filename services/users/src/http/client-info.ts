/** What a request tells about its client, bounded before it is stored. */
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from '../context.ts';

/** The client's IP (from X-Forwarded-For when the gateway is in front) and user agent. */
export function clientOf(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return {
    ip: isIP(request.ip) ? request.ip : null,
    userAgent: typeof userAgent === 'string' && userAgent.length > 0 ? userAgent.slice(0, 512) : null,
  };
}
