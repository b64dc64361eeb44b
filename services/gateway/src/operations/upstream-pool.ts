/**
 * The replicas of each service: a comma-separated list of base URLs per service (`SHOP_URL=a,b`),
 * picked round-robin with passive health — a replica that refused a connection is skipped for a while.
 */

/** The replicas of one service. */
export interface UpstreamPool {
  readonly service: string;
  readonly urls: readonly string[];
  /** The next replica to send to, skipping those marked down (all down: try them anyway). */
  pick(): string;
  /** Another replica than `url`, for a retry; undefined when there is none. */
  next(url: string): string | undefined;
  /** Passive health: the replica failed to connect; skip it for `downForMs`. */
  markDown(url: string): void;
}

/** Splits `a, b` into URLs without trailing slashes. */
export function splitUrls(list: string): string[] {
  return list
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** One pool per service. */
export function createUpstreamPools(
  upstreams: Record<string, string>,
  options: { downForMs?: number; now?: () => number } = {},
): Map<string, UpstreamPool> {
  return new Map(
    Object.entries(upstreams).map(([service, list]) => [
      service,
      createUpstreamPool(service, splitUrls(list), options),
    ]),
  );
}

/** The first replica of each service: enough for documents that every replica serves alike. */
export function primaryUrls(pools: ReadonlyMap<string, UpstreamPool>): Record<string, string> {
  return Object.fromEntries([...pools].map(([service, pool]) => [service, pool.urls[0] ?? '']));
}

function createUpstreamPool(
  service: string,
  urls: string[],
  options: { downForMs?: number; now?: () => number },
): UpstreamPool {
  const downForMs = options.downForMs ?? 5000;
  const now = options.now ?? Date.now;
  const downUntil = new Map<string, number>();
  let cursor = 0;
  const up = (url: string) => (downUntil.get(url) ?? 0) <= now();
  return {
    service,
    urls,
    pick() {
      for (let tried = 0; tried < urls.length; tried += 1) {
        const url = urls[cursor % urls.length] ?? '';
        cursor = (cursor + 1) % urls.length;
        if (up(url)) return url;
      }
      return urls[cursor++ % urls.length] ?? '';
    },
    next(url) {
      const others = urls.filter((other) => other !== url);
      return others.find(up) ?? others[0];
    },
    markDown(url) {
      downUntil.set(url, now() + downForMs);
    },
  };
}

// The replica never took the request (or dropped the connection): nothing was done there, or it was a read.
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// Requests without a body, safe to send twice.
const REPEATABLE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether an upstream error (or its cause) is a refused, reset or broken connection. */
export function isConnectionFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; depth += 1) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && CONNECTION_FAILURES.has(code)) return true;
    e = cause;
  }
  return false;
}

/**
 * After a failed forward: marks a replica that could not be reached as down, and names another one to
 * retry a repeatable request on (undefined: answer the error).
 */
export function failoverTarget(
  pool: UpstreamPool,
  failed: string,
  request: { method: string; attempt: number; sent: boolean },
  error: unknown,
): string | undefined {
  if (!isConnectionFailure(error)) return undefined;
  pool.markDown(failed);
  if (request.sent || !REPEATABLE.has(request.method) || request.attempt >= pool.urls.length - 1)
    return undefined;
  return pool.next(failed);
}
