/**
 * Distance matrices for the planner: haversine × road factor at a city speed by default, or an
 * OSRM-compatible routing engine's `table` service when `OSRM_URL` is set, with its answers cached per
 * rounded coordinate pair in `distance_cache` so a re-plan of the same day asks the engine only for new stops.
 */
import type { Queryable } from '@sauda/kit';
import { RoutingUnavailable } from '../errors.ts';
import { haversineMetres, type LatLng } from './haversine.ts';

/** Square matrices over the given points, flattened row by row. */
export interface Matrix {
  size: number;
  metres: Float64Array;
  seconds: Float64Array;
}

/** Computes matrices for a list of points. */
export interface DistanceProvider {
  readonly name: string;
  matrix(points: LatLng[]): Promise<Matrix>;
}

/** Haversine × road factor, at an average city speed. */
export function haversineProvider(options: { roadFactor: number; speedKmh: number }): DistanceProvider {
  const metresPerSecond = (options.speedKmh * 1000) / 3600;
  return {
    name: 'haversine',
    matrix(points) {
      const n = points.length;
      const metres = new Float64Array(n * n);
      const seconds = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const pi = points[i] as LatLng;
          const pj = points[j] as LatLng;
          const m = Math.round(haversineMetres(pi, pj) * options.roadFactor);
          metres[i * n + j] = m;
          seconds[i * n + j] = Math.round(m / metresPerSecond);
        }
      return Promise.resolve({ size: n, metres, seconds });
    },
  };
}

/** The cache key of a point: 5 decimals ≈ 1 m. */
export const pointKey = (p: LatLng): string => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`;

interface OsrmTable {
  code: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

/** An OSRM-compatible engine (`GET /table/v1/driving/lng,lat;…?annotations=duration,distance`), cached in `db`. */
export function osrmProvider(options: {
  baseUrl: string;
  db: Queryable;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}): DistanceProvider {
  const fetchImpl = options.fetchImpl ?? fetch;
  const name = `osrm:${options.baseUrl}`;
  return {
    name: 'osrm',
    async matrix(points) {
      const n = points.length;
      const keys = points.map(pointKey);
      const metres = new Float64Array(n * n);
      const seconds = new Float64Array(n * n);
      const cached = await options.db<
        { from_key: string; to_key: string; metres: number; seconds: number }[]
      >`
        select from_key, to_key, metres, seconds from distance_cache
        where provider = ${name} and from_key = any(${keys}) and to_key = any(${keys})`;
      const known = new Map(cached.map((row) => [`${row.from_key}|${row.to_key}`, row]));
      let missing = false;
      for (let i = 0; i < n && !missing; i++)
        for (let j = 0; j < n; j++) if (i !== j && !known.has(`${keys[i]}|${keys[j]}`)) missing = true;
      if (missing) {
        const table = await fetchTable(fetchImpl, options.baseUrl, points, options.timeoutMs ?? 10_000);
        const rows: { from_key: string; to_key: string; metres: number; seconds: number }[] = [];
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            if (i === j) continue;
            const row = {
              from_key: keys[i] as string,
              to_key: keys[j] as string,
              metres: table.distances?.[i]?.[j] ?? Number.NaN,
              seconds: table.durations?.[i]?.[j] ?? Number.NaN,
            };
            if (!Number.isFinite(row.metres) || !Number.isFinite(row.seconds))
              throw new RoutingUnavailable('the routing engine cannot reach every stop');
            known.set(`${row.from_key}|${row.to_key}`, row);
            rows.push(row);
          }
        for (let at = 0; at < rows.length; at += 5000) {
          const chunk = rows.slice(at, at + 5000);
          await options.db`
            insert into distance_cache (provider, from_key, to_key, metres, seconds)
            select ${name}, * from unnest(${chunk.map((r) => r.from_key)}::text[], ${chunk.map((r) => r.to_key)}::text[],
                                          ${chunk.map((r) => r.metres)}::float8[], ${chunk.map((r) => r.seconds)}::float8[])
            on conflict (provider, from_key, to_key) do update set metres = excluded.metres, seconds = excluded.seconds`;
        }
      }
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const row = known.get(`${keys[i]}|${keys[j]}`);
          metres[i * n + j] = row?.metres ?? 0;
          seconds[i * n + j] = row?.seconds ?? 0;
        }
      return { size: n, metres, seconds };
    },
  };
}

async function fetchTable(
  fetchImpl: typeof fetch,
  baseUrl: string,
  points: LatLng[],
  timeoutMs: number,
): Promise<OsrmTable> {
  const coords = points.map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
  const url = `${baseUrl.replace(/\/$/, '')}/table/v1/driving/${coords}?annotations=duration,distance`;
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as OsrmTable;
    if (!response.ok || body.code !== 'Ok') throw new Error(`OSRM answered ${response.status} ${body.code}`);
    return body;
  } catch (error) {
    throw new RoutingUnavailable(error instanceof Error ? error.message : String(error));
  }
}
