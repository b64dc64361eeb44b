/** The dispatching service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig } from '@sauda/kit';

export const DispatchingConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8107 }),
  /** An OSRM-compatible routing engine (`/table/v1/driving/…`); without it distances are haversine × road factor. */
  OSRM_URL: Type.Optional(Type.String({ minLength: 1 })),
  /** Road distance over straight-line distance in our cities (haversine fallback). */
  ROAD_FACTOR: Type.Number({ minimum: 1, maximum: 3, default: 1.35 }),
  /** Average city speed for the haversine fallback, km/h. */
  CITY_SPEED_KMH: Type.Number({ minimum: 5, maximum: 120, default: 24 }),
  /** How long the optimiser may search when a dispatcher plans a day. */
  PLAN_BUDGET_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 3000 }),
  /** The arrival geofence radius around a stop, metres. */
  GEOFENCE_M: Type.Integer({ minimum: 10, maximum: 2000, default: 120 }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(DispatchingConfig, env);
}
export type DispatchingConfig = ReturnType<typeof readConfig>;
