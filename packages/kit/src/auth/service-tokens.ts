/**
 * Service identity (ADR 0004): a service calls another one as itself — not as a customer — with a short-lived
 * token `users` issues for its client id and secret (`POST /auth/service-token`). The source fetches it once,
 * shares one request among concurrent callers, and renews it before it expires.
 */
import { Type, type TProperties } from '@sinclair/typebox';
import { request } from 'undici';
import { ConfigError } from '../config/config.ts';
import { UpstreamUnavailable } from '../http/errors.ts';

/** Something that hands out a bearer token for outgoing calls. */
export interface TokenSource {
  token(): Promise<string>;
  /** Forgets the cached token (after a 401), so the next call fetches a new one. */
  invalidate(): void;
}

/** What a service reads to call others as itself. */
export const serviceAuthConfig = {
  /** This service's client id at `users` (defaults to the service name). */
  SERVICE_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  /** Its secret; required outside embedded mode. */
  SERVICE_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 16 })),
} satisfies TProperties;

/** The secret a client has in embedded demo mode when the runner did not give one (never elsewhere). */
export function embeddedServiceSecret(clientId: string): string {
  return `embedded-${clientId}-service-secret-not-for-production`;
}

/** This service's credentials; a missing secret outside embedded mode is a configuration error. */
export function serviceCredentials(
  config: {
    SAUDA_MODE: 'embedded' | 'cluster';
    SERVICE_CLIENT_ID?: string | undefined;
    SERVICE_CLIENT_SECRET?: string | undefined;
  },
  service: string,
): { clientId: string; clientSecret: string } {
  const clientId = config.SERVICE_CLIENT_ID ?? service;
  if (config.SERVICE_CLIENT_SECRET) return { clientId, clientSecret: config.SERVICE_CLIENT_SECRET };
  if (config.SAUDA_MODE !== 'embedded')
    throw new ConfigError(['SERVICE_CLIENT_SECRET: is required outside embedded mode']);
  return { clientId, clientSecret: embeddedServiceSecret(clientId) };
}

export interface ServiceTokenSourceOptions {
  usersUrl: string;
  clientId: string;
  clientSecret: string;
  /** Renew this long before expiry. */
  renewBeforeMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

/** A cached service token from `users`. */
export function createServiceTokenSource(options: ServiceTokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const renewBeforeMs = options.renewBeforeMs ?? 30_000;
  let cached: { token: string; until: number } | undefined;
  let inflight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const url = new URL('/auth/service-token', options.usersUrl);
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ clientId: options.clientId, clientSecret: options.clientSecret }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
    } catch {
      throw new UpstreamUnavailable('users is unavailable (service token)', { service: 'users' });
    }
    const body = (await response.body.json()) as { accessToken?: string; expiresIn?: number };
    if (response.statusCode !== 200 || !body.accessToken)
      throw new UpstreamUnavailable(`users refused the service token (${response.statusCode})`, {
        service: 'users',
      });
    const ttlMs = (body.expiresIn ?? 60) * 1000;
    cached = { token: body.accessToken, until: now() + Math.max(ttlMs - renewBeforeMs, ttlMs / 2) };
    return body.accessToken;
  };

  return {
    token() {
      if (cached && cached.until > now()) return Promise.resolve(cached.token);
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
