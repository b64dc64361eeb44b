/**
 * Configuration: one TypeBox schema per service, read from the environment once, typed and frozen.
 * Only a service's `config.ts` passes `process.env` here.
 */
import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Start-up refuses to go on with a bad configuration; the message names every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` against `schema`: defaults applied, strings converted to numbers and booleans, frozen. */
export function loadConfig<T extends TObject>(
  schema: T,
  env: Record<string, string | undefined>,
): Readonly<Static<T>> {
  const known = Object.fromEntries(
    Object.keys(schema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const value = Value.Convert(schema, Value.Default(schema, known));
  const problems = [...Value.Errors(schema, value)].map((error) => {
    const name = error.path.replace(/^\//, '') || '(root)';
    const given = env[name];
    return given === undefined || given === '' ? `${name}: is required` : `${name}: ${error.message}`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return Object.freeze(value as Static<T>);
}

/** Deployment mode: `embedded` (npm start, demo) or `cluster` (production, CI integration). */
export const SaudaMode = Type.Union([Type.Literal('embedded'), Type.Literal('cluster')], {
  default: 'embedded',
});

/** What every service reads: where to listen, how to log and trace, how to shut down. */
export const baseConfig = {
  SERVICE_NAME: Type.Optional(Type.String()),
  SAUDA_MODE: SaudaMode,
  PORT: Type.Integer({ minimum: 0, maximum: 65535 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  LOG_FORMAT: Type.Union([Type.Literal('json'), Type.Literal('pretty')], { default: 'json' }),
  /** Where spans go: nowhere (ids still reach the logs), an OTLP/HTTP collector, or stdout. */
  TRACE_EXPORTER: Type.Union([Type.Literal('none'), Type.Literal('otlp'), Type.Literal('console')], {
    default: 'none',
  }),
  /** The collector's base URL (`/v1/traces` is appended), e.g. http://otel-collector:4318. */
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String()),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10_000 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
} satisfies TProperties;

/** What a service with a database and events reads. */
export const dataConfig = {
  DATABASE_URL: Type.String({ minLength: 1 }),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, default: 10 }),
  EVENT_TRANSPORT: Type.Union([Type.Literal('pg'), Type.Literal('nats')], { default: 'pg' }),
  NATS_URL: Type.Optional(Type.String()),
  /** The JetStream stream and subject prefix; another pair lets a second system share one NATS server. */
  NATS_STREAM: Type.String({ default: 'SAUDA' }),
  NATS_SUBJECT_PREFIX: Type.String({ default: 'sauda' }),
  BUS_DATABASE_URL: Type.Optional(Type.String()),
  /**
   * pg-boss only: a job whose consumer died mid-way (a killed process) is delivered again after this long.
   * Lower it only where handlers are short and crashes are frequent (the chaos test); a handler running
   * longer than this would be delivered twice (handlers are idempotent, but work is wasted).
   */
  EVENT_JOB_EXPIRY_SECONDS: Type.Integer({ minimum: 5, maximum: 86_400, default: 120 }),
  DEMO_SEED: Type.Boolean({ default: false }),
} satisfies TProperties;

/** Where a service finds `users`' JWKS to verify tokens. */
export const authConfig = {
  USERS_URL: Type.String({ default: 'http://127.0.0.1:8101' }),
  JWT_ISSUER: Type.String({ default: 'sauda-users' }),
  JWT_AUDIENCE: Type.String({ default: 'sauda' }),
} satisfies TProperties;
