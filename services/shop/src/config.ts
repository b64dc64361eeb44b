/** The shop service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig } from '@sauda/kit';

export const ShopConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8102 }),
  /** Public catalog answers are reused this long (0 turns it off): a burst of identical searches costs one query. */
  CATALOG_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 2000 }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(ShopConfig, env);
}
export type ShopConfig = ReturnType<typeof readConfig>;
