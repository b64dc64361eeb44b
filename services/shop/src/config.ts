/** The shop service's configuration: the only reader of process.env. */
import { Type } from '@sinclair/typebox';
import { authConfig, baseConfig, ConfigError, dataConfig, loadConfig } from '@sauda/kit';

export const ShopConfig = Type.Object({
  ...baseConfig,
  ...dataConfig,
  ...authConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8102 }),
  /** What browsers and shared caches (the gateway) may reuse a public catalog answer for, unasked (0: no caching). */
  CATALOG_CACHE_TTL_MS: Type.Integer({ minimum: 0, default: 1000 }),
  /**
   * How long this replica reuses an answer (then refreshed in the background) when it hears of no change:
   * its own writes and the product and stock events clear the cache at once, so this only bounds changes
   * no event announces (e.g. another replica's review changing a rating).
   */
  CATALOG_MEMORY_TTL_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** How long a product page is kept (memory and the gateway's edge) while the change feed is followed. */
  CATALOG_PAGE_TTL_MS: Type.Integer({ minimum: 0, default: 300_000 }),
  /** How often each replica reads the catalog change feed (ADR 0009). */
  CATALOG_CHANGES_POLL_MS: Type.Integer({ minimum: 50, default: 250 }),
  /**
   * How often the background pass fills "similar products" for products that lack them (0: never — a
   * benchmark of the request path, or a replica that should leave it to the others).
   */
  SIMILAR_REFRESH_MS: Type.Integer({ minimum: 0, default: 300_000 }),
  /** How many generated products the demo seed adds to the hand-written ones (demo mode only). */
  DEMO_CATALOG_PRODUCTS: Type.Integer({ minimum: 0, maximum: 100_000, default: 5000 }),
  /** Embedded mode: product images are files under this directory (`<MEDIA_DIR>/shop/<image>/…`). */
  MEDIA_DIR: Type.String({ minLength: 1, default: '.data/media' }),
  /** Where product images live: files under MEDIA_DIR (`disk`) or an S3-compatible bucket (`s3`). */
  MEDIA_STORE: Type.Union([Type.Literal('disk'), Type.Literal('s3')], { default: 'disk' }),
  /** `s3` only: the service's base URL (path-style), bucket, region and keys. */
  S3_ENDPOINT: Type.Optional(Type.String({ minLength: 1 })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 1 })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** VAT per country for quotes, `CC:basis-points` comma-separated (prices are VAT-inclusive; KZ 12 %). */
  VAT_RATES: Type.String({ default: 'KZ:1200' }),
});

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** Reads and freezes the configuration once; `MEDIA_STORE=s3` without its endpoint, bucket or keys fails. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(ShopConfig, env);
  if (config.MEDIA_STORE === 's3') {
    const missing = S3_REQUIRED.filter((name) => !config[name]).map(
      (name) => `${name}: is required with MEDIA_STORE=s3`,
    );
    if (missing.length > 0) throw new ConfigError(missing);
  }
  return config;
}
export type ShopConfig = ReturnType<typeof readConfig>;
