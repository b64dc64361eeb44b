/** Aggregated health: every service's readiness in one answer, for operators and the admin UI. */
import { request } from 'undici';

export interface ServiceHealth {
  service: string;
  status: 'ready' | 'not_ready' | 'down';
  checks?: Record<string, string>;
  ms: number;
}

/** Asks each service's /health/ready at once, with a short timeout; never throws. */
export async function aggregateHealth(
  upstreams: Record<string, string>,
  timeoutMs = 1500,
): Promise<ServiceHealth[]> {
  return Promise.all(
    Object.entries(upstreams).map(async ([service, base]): Promise<ServiceHealth> => {
      const started = performance.now();
      try {
        const response = await request(`${base}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
        const body = (await response.body.json()) as { checks?: Record<string, string> };
        const ms = Math.round(performance.now() - started);
        return {
          service,
          status: response.statusCode === 200 ? 'ready' : 'not_ready',
          ms,
          ...(body.checks ? { checks: body.checks } : {}),
        };
      } catch {
        return { service, status: 'down', ms: Math.round(performance.now() - started) };
      }
    }),
  );
}
