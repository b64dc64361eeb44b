/**
 * Calls to other services: undici with timeouts, retries for idempotent calls only, a circuit breaker
 * and a bulkhead (cockatiel), W3C trace propagation and Idempotency-Key forwarding.
 */
import {
  bulkhead,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  wrap,
  BrokenCircuitError,
  BulkheadRejectedError,
  type IPolicy,
} from 'cockatiel';
import { Agent, request as undiciRequest, errors as undiciErrors } from 'undici';
import { context } from '@opentelemetry/api';
import { injectTraceHeaders } from '../observability/tracing.ts';
import { UpstreamUnavailable } from '../http/errors.ts';
import type { TokenSource } from '../auth/service-tokens.ts';

export interface HttpClientOptions {
  /** The called service's name, for logs and errors. */
  service: string;
  baseUrl: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls. */
  retries?: number;
  /** Consecutive failures that open the breaker, and how long it stays open. */
  breaker?: { failures: number; halfOpenAfterMs: number };
  /** Concurrent calls, and how many may wait. */
  bulkhead?: { limit: number; queue: number };
  /** Where the service's own bearer comes from when a call carries no caller token (ADR 0004). */
  tokenSource?: TokenSource;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The caller's bearer token, forwarded so the called service applies its own rules. */
  token?: string;
  /** Call as this service (the client's `tokenSource`) instead of forwarding a caller's token. */
  asService?: boolean;
  /** Makes a POST safe to retry; forwarded as the Idempotency-Key header. */
  idempotencyKey?: string;
}

export interface CallResult<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** The upstream answered with a problem (4xx): the caller decides what it means. */
export class UpstreamProblem extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    readonly problem: { code?: string; title?: string; detail?: string } & Record<string, unknown>,
  ) {
    super(`${service} answered ${status} ${problem.code ?? ''}`.trim());
    this.name = 'UpstreamProblem';
  }
}

class RetryableStatus extends Error {
  constructor(readonly status: number) {
    super(`retryable status ${status}`);
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** A client for one service. */
export interface HttpClient {
  call<T>(options: CallOptions): Promise<CallResult<T>>;
  get<T>(path: string, options?: Omit<CallOptions, 'path' | 'method'>): Promise<T>;
  post<T>(path: string, body: unknown, options?: Omit<CallOptions, 'path' | 'method' | 'body'>): Promise<T>;
  close(): Promise<void>;
}

/** Builds a resilient client for one service. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 3000;
  const agent = new Agent({
    connections: 64,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
  });
  const transient = handleWhen((error) => isTransient(error));
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: options.breaker?.halfOpenAfterMs ?? 10_000,
    breaker: new ConsecutiveBreaker(options.breaker?.failures ?? 5),
  });
  const limiter = bulkhead(options.bulkhead?.limit ?? 64, options.bulkhead?.queue ?? 256);
  const retrying = retry(transient, {
    maxAttempts: options.retries ?? 2,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1000 }),
  });
  const once: IPolicy = wrap(limiter, breaker);
  const withRetry: IPolicy = wrap(retrying, limiter, breaker);

  const call = async <T>(call: CallOptions): Promise<CallResult<T>> => {
    const method = call.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    injectTraceHeaders(headers, context.active());
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    else if (call.asService) {
      if (!options.tokenSource) throw new Error(`${options.service} client has no token source`);
      headers.authorization = `Bearer ${await options.tokenSource.token()}`;
    }
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const url = new URL(call.path, options.baseUrl);
    for (const [key, value] of Object.entries(call.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const policy = IDEMPOTENT.has(method) || call.idempotencyKey ? withRetry : once;
    try {
      return await policy.execute(async () => {
        const response = await undiciRequest(url, {
          method,
          headers,
          dispatcher: agent,
          signal: AbortSignal.timeout(timeoutMs),
          ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        });
        if (response.statusCode >= 502 && response.statusCode <= 504) {
          await response.body.dump();
          throw new RetryableStatus(response.statusCode);
        }
        const text = await response.body.text();
        const body = (text ? JSON.parse(text) : undefined) as T & Record<string, unknown>;
        // A rejected service token (rotated keys, clock skew) is fetched anew on the next call.
        if (response.statusCode === 401 && call.asService) options.tokenSource?.invalidate();
        if (response.statusCode >= 400)
          throw new UpstreamProblem(options.service, response.statusCode, body ?? {});
        return { status: response.statusCode, body, headers: response.headers };
      });
    } catch (error) {
      if (error instanceof UpstreamProblem) throw error;
      if (
        isTransient(error) ||
        error instanceof BrokenCircuitError ||
        error instanceof BulkheadRejectedError
      ) {
        throw new UpstreamUnavailable(`${options.service} is unavailable`, { service: options.service });
      }
      throw error;
    }
  };

  return {
    call,
    get: async (path, rest) => (await call({ ...rest, path, method: 'GET' })).body as never,
    post: async (path, body, rest) => (await call({ ...rest, path, body, method: 'POST' })).body as never,
    close: () => agent.close(),
  };
}

const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

function isTransient(error: unknown): boolean {
  if (error instanceof RetryableStatus || error instanceof undiciErrors.UndiciError) return true;
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  // An aborted request (our timeout signal) is a DOMException named TimeoutError or AbortError.
  return (
    (typeof code === 'string' && TRANSIENT.has(code)) || name === 'TimeoutError' || name === 'AbortError'
  );
}
