/** The users service's configuration: the only reader of `process.env`; parsed once, typed, frozen. */
import { Type, type Static } from '@sinclair/typebox';
import {
  ConfigError,
  baseConfig,
  dataConfig,
  embeddedServiceSecret,
  loadConfig,
  mailConfig,
} from '@sauda/kit';
import type { KeySource } from './tokens/load-signing-keys.ts';

const UsersConfigSchema = Type.Object({
  ...baseConfig,
  ...dataConfig,
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8101 }),
  JWT_ISSUER: Type.String({ default: 'sauda-users' }),
  JWT_AUDIENCE: Type.String({ default: 'sauda' }),
  JWT_PRIVATE_KEYS: Type.Optional(
    Type.String({
      description:
        'JSON JWK set of ES256 private keys, the last one newest (it signs); required outside embedded mode',
    }),
  ),
  JWT_PRIVATE_KEYS_DIR: Type.String({
    default: '.data/keys/users',
    description: 'embedded mode only: where generated keys are kept as JWK files (0600)',
  }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 900 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  LOGIN_WINDOW_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_MAX_FAILURES_PER_IP: Type.Integer({ minimum: 1, default: 50 }),
  LOGIN_CHALLENGE_TTL_SECONDS: Type.Integer({ minimum: 30, default: 300 }),
  PASSWORD_RESET_TTL_MINUTES: Type.Integer({ minimum: 5, default: 60 }),
  EMAIL_VERIFICATION_TTL_HOURS: Type.Integer({ minimum: 1, default: 48 }),
  PAYMENT_URL: Type.String({
    default: 'http://127.0.0.1:8105',
    description: 'where payment token metadata is read',
  }),
  PUBLIC_WEB_URL: Type.String({
    default: '',
    description: 'origin put in front of links in mail; empty: site-relative links (the local mailbox)',
  }),
  // SMTP_URL (unset: the local mailbox, plus .eml files in MAIL_DIR), MAIL_FROM, MAIL_DIR: the kit's mailer.
  ...mailConfig,
  SERVICE_CLIENT_SECRETS: Type.Optional(
    Type.String({
      description:
        'service clients and their secrets, `orders:secret,payment:secret` (ADR 0004); required outside embedded mode',
    }),
  ),
  SERVICE_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 900, default: 300 }),
});

export type UsersConfig = Static<typeof UsersConfigSchema>;

/**
 * Parses an environment. Outside embedded mode it refuses to start without signing keys (no default
 * secret) and refuses the demo seed (its accounts share a published password).
 */
export function parseConfig(env: Record<string, string | undefined>): Readonly<UsersConfig> {
  const config = loadConfig(UsersConfigSchema, env);
  const problems: string[] = [];
  if (config.SAUDA_MODE !== 'embedded') {
    if (!config.JWT_PRIVATE_KEYS) problems.push('JWT_PRIVATE_KEYS: is required outside embedded mode');
    if (config.DEMO_SEED) problems.push('DEMO_SEED: demo accounts are only seeded in embedded mode');
    if (!config.SERVICE_CLIENT_SECRETS)
      problems.push('SERVICE_CLIENT_SECRETS: is required outside embedded mode');
  }
  if (config.SERVICE_CLIENT_SECRETS) {
    const bad = config.SERVICE_CLIENT_SECRETS.split(',').filter(
      (pair) => !/^[a-z][a-z0-9-]*:.{16,}$/.test(pair),
    );
    if (bad.length > 0)
      problems.push('SERVICE_CLIENT_SECRETS: each entry is <client>:<secret of at least 16 characters>');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Where the signing keys come from: the JWK set when given, else the embedded keys folder. */
export function signingKeySource(config: Readonly<UsersConfig>): KeySource {
  return config.JWT_PRIVATE_KEYS
    ? { kind: 'json', json: config.JWT_PRIVATE_KEYS }
    : { kind: 'dir', dir: config.JWT_PRIVATE_KEYS_DIR };
}

/** The services that may call as themselves in embedded mode when no secrets are configured. */
const EMBEDDED_CLIENTS = ['orders', 'payment', 'shop', 'stock', 'shipping', 'dispatching', 'assistant'];

/** Service client id → secret: the configured pairs, else (embedded mode only) the per-client defaults. */
export function serviceClients(config: Readonly<UsersConfig>): ReadonlyMap<string, string> {
  if (!config.SERVICE_CLIENT_SECRETS)
    return new Map(EMBEDDED_CLIENTS.map((client) => [client, embeddedServiceSecret(client)]));
  return new Map(
    config.SERVICE_CLIENT_SECRETS.split(',').map((pair) => {
      const at = pair.indexOf(':');
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
}

/** The configuration of this process. */
export function readConfig(): Readonly<UsersConfig> {
  return parseConfig(process.env);
}
