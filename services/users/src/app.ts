/** Builds the users service without listening: main.ts starts it, tests call `inject()`. */
import {
  addReadinessCheck,
  AppError,
  createJwksVerifier,
  createHttpClient,
  createService,
  tracingOptions,
  pingDb,
  type App,
  type Db,
} from '@sauda/kit';
import { serviceClients, type UsersConfig } from './config.ts';
import type { Clock, UsersContext } from './context.ts';
import { usersErrors } from './errors.ts';
import { accountRoutes } from './http/account-routes.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { cabinetRoutes } from './http/cabinet-routes.ts';
import { authRoutes } from './http/auth-routes.ts';
import { jwksRoutes, revokedSessionRoutes } from './http/jwks-routes.ts';
import { listRevokedSessions } from './sessions/list-revoked-sessions.ts';
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
  const clock = deps.clock ?? (() => new Date());
  // The service checks its own tokens with its own keys and its own ended sessions: no HTTP call to itself.
  const verifier = createJwksVerifier({
    fetchKeys: () => Promise.resolve(keys.jwks),
    fetchRevokedSessions: (since) =>
      listRevokedSessions(
        { db, clock, accessTokens: { ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS } },
        since === undefined ? undefined : new Date(since),
      ),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const app = await createService({
    name: 'users',
    description:
      'Accounts, credentials, sessions, two-factor, roles, addresses, saved cards, seller applications, audit log; issues JWTs.',
    errors: usersErrors,
    logLevel: config.LOG_LEVEL,
    logFormat: config.LOG_FORMAT,
    auth: verifier,
    bodyLimit: config.BODY_LIMIT_BYTES,
    tracing: tracingOptions(config),
  });
  const payment = createHttpClient({ service: 'payment', baseUrl: config.PAYMENT_URL, timeoutMs: 3000 });
  app.addHook('onClose', async () => {
    verifier.close();
    await payment.close();
  });
  addReadinessCheck(app, 'db', () => pingDb(db));
  // RATE_LIMITED carries `retryAfter` in its body; clients and proxies also expect the header.
  app.addHook('onError', async (_request, reply, error) => {
    const retryAfter = error instanceof AppError ? error.extra.retryAfter : undefined;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  });

  const ctx: UsersContext = {
    db,
    clock,
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
    ttl: {
      loginChallengeMs: config.LOGIN_CHALLENGE_TTL_SECONDS * 1000,
      passwordResetMs: config.PASSWORD_RESET_TTL_MINUTES * 60_000,
      emailVerificationMs: config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000,
    },
    webUrl: config.PUBLIC_WEB_URL.replace(/\/$/, ''),
    payment,
    serviceClients: serviceClients(config),
    serviceTokenTtlSeconds: config.SERVICE_TOKEN_TTL_SECONDS,
  };
  authRoutes(app, ctx);
  accountRoutes(app, ctx);
  cabinetRoutes(app, ctx);
  adminRoutes(app, ctx);
  sellerRoutes(app, ctx);
  jwksRoutes(app, keys);
  revokedSessionRoutes(app, ctx);
  return app;
}
