/** The shop service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, dataConfig, loadConfig } from '@sauda/kit';

export const ShopConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8102 }),
  /** Public catalog answers are reused this long (0 turns it off): a burst of identical searches costs one query. */
  CATALOG_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 1000 }),
  /** How many generated products the demo seed adds to the hand-written ones (demo mode only). */
  DEMO_CATALOG_PRODUCTS: Type.Integer({ minimum: 0, maximum: 100_000, default: 5000 }),
  /** Embedded mode: product images are files under this directory (`<MEDIA_DIR>/shop/<image>/…`). */
  MEDIA_DIR: Type.String({ minLength: 1, default: '.data/media' }),
  /** VAT per country for quotes, `CC:basis-points` comma-separated (prices are VAT-inclusive; KZ 12 %). */
  VAT_RATES: Type.String({ default: 'KZ:1200' }),
});

/** Reads and freezes the configuration once. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(ShopConfig, env);
}
export type ShopConfig = ReturnType<typeof readConfig>;
