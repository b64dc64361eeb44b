/** The stock service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig } from '@sauda/kit';

export const StockConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8104 }),
  /** How long a reservation holds stock while the customer pays (the default: 15 minutes). */
  RESERVATION_TTL_MS: Type.Integer({ minimum: 1000, default: 15 * 60_000 }),
  /** How often each replica looks for expired reservations (replicas share the work, SKIP LOCKED). */
  EXPIRY_SWEEP_MS: Type.Integer({ minimum: 100, default: 5000 }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(StockConfig, env);
}
export type StockConfig = ReturnType<typeof readConfig>;
