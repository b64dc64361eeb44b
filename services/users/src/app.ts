/** Builds the users service without listening: main.ts starts it, tests call `inject()`. */
import {
  addReadinessCheck,
  AppError,
  createJwksVerifier,
  createService,
  pingDb,
  type App,
  type Db,
} from '@sauda/kit';
import type { UsersConfig } from './config.ts';
import type { Clock, UsersContext } from './context.ts';
import { usersErrors } from './errors.ts';
import { accountRoutes } from './http/account-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { jwksRoutes } from './http/jwks-routes.ts';
import { sellerRoutes } from './http/seller-routes.ts';
import type { SigningKeys } from './tokens/load-signing-keys.ts';

export interface UsersDeps {
  config: Readonly<UsersConfig>;
  db: Db;
  keys: SigningKeys;
  /** Defaults to the system clock. */
  clock?: Clock;
}

/** The users service: accounts, sessions and tokens, seller shops. */
export async function buildApp(deps: UsersDeps): Promise<App> {
  const { config, db, keys } = deps;
  // The service checks its own tokens with its own keys: no HTTP call to itself.
  const verifier = createJwksVerifier({
    fetchKeys: () => Promise.resolve(keys.jwks),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const app = await createService({
    name: 'users',
    description: 'Accounts, credentials, sessions and refresh tokens, roles, seller shops; issues JWTs.',
    errors: usersErrors,
    logLevel: config.LOG_LEVEL,
    logFormat: config.LOG_FORMAT,
    auth: verifier,
    bodyLimit: config.BODY_LIMIT_BYTES,
    tracing: {
      exporter: config.OTEL_EXPORTER,
      ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
    },
  });
  app.addHook('onClose', async () => verifier.close());
  addReadinessCheck(app, 'db', () => pingDb(db));
  // RATE_LIMITED carries `retryAfter` in its body; clients and proxies also expect the header.
  app.addHook('onError', async (_request, reply, error) => {
    const retryAfter = error instanceof AppError ? error.extra.retryAfter : undefined;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  });

  const ctx: UsersContext = {
    db,
    clock: deps.clock ?? (() => new Date()),
    accessTokens: {
      keys,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    },
    refreshTokenTtlMs: config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    throttle: {
      windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
    },
  };
  authRoutes(app, ctx);
  accountRoutes(app, ctx);
  sellerRoutes(app, ctx);
  jwksRoutes(app, keys);
  return app;
}
