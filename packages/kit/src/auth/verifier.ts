/**
 * Access-token verification against the `users` JWKS. The last good key set is kept in memory and
 * refreshed in the background, so services keep verifying tokens while `users` is down.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { Role } from '@sauda/contracts';
import type { Principal } from './access.ts';
import { createSessionDenylist, type FetchRevokedSessions, type RevokedSessions } from './revocations.ts';

/** Turns a bearer token into a principal, or throws. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** A token that is expired, forged or for another audience. */
export class InvalidToken extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidToken';
  }
}

/** No key set could be loaded yet (users never reached since start). */
export class KeysUnavailable extends Error {
  constructor() {
    super('signing keys are not available yet');
    this.name = 'KeysUnavailable';
  }
}

export interface JwksVerifierOptions {
  /** Loads the current JWKS (usually GET `${USERS_URL}/.well-known/jwks.json`). */
  fetchKeys: () => Promise<JSONWebKeySet>;
  issuer: string;
  audience: string;
  /** Background refresh period. */
  refreshMs?: number;
  /** Least time between two refreshes triggered by an unknown key id. */
  unknownKidCooldownMs?: number;
  /** Loads the ended sessions whose tokens are refused before they expire (ADR 0008); none when unset. */
  fetchRevokedSessions?: FetchRevokedSessions;
  /** How often the ended sessions are polled. */
  revocationsRefreshMs?: number;
  now?: () => number;
}

// A verified token is remembered this long at most (never past its own expiry): a busy client sends the same
// token on every request, and one ES256 check costs more than the rest of a cached catalog answer.
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/** A verifier that caches the key set and survives the key source being down. */
export function createJwksVerifier(
  options: JwksVerifierOptions,
): TokenVerifier & { close(): void; refresh(): Promise<boolean>; refreshRevocations(): Promise<void> } {
  const refreshMs = options.refreshMs ?? 5 * 60_000;
  const cooldownMs = options.unknownKidCooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  let kids = new Set<string>();
  let lastRefresh = 0;
  let inflight: Promise<boolean> | undefined;
  const verified = new Map<string, { principal: Principal; until: number }>();

  const refresh = (): Promise<boolean> => {
    inflight ??= (async () => {
      lastRefresh = now();
      try {
        const set = await options.fetchKeys();
        keys = createLocalJWKSet(set);
        kids = new Set(set.keys.map((key) => key.kid ?? ''));
        return true;
      } catch {
        // Keep the last good set: tokens signed with known keys stay verifiable while users is down.
        return false;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  const timer = setInterval(() => void refresh(), refreshMs);
  timer.unref();
  const denylist = options.fetchRevokedSessions
    ? createSessionDenylist(options.fetchRevokedSessions, options.revocationsRefreshMs ?? 5_000)
    : undefined;
  const refuseEnded = (principal: Principal): Principal => {
    if (principal.sessionId && denylist?.has(principal.sessionId))
      throw new InvalidToken('session has ended');
    return principal;
  };

  return {
    refresh,
    refreshRevocations: () => denylist?.refresh() ?? Promise.resolve(),
    close: () => {
      clearInterval(timer);
      denylist?.close();
    },
    async verify(token) {
      const remembered = verified.get(token);
      if (remembered && remembered.until > now()) return refuseEnded(remembered.principal);
      verified.delete(token);
      const kid = readKid(token);
      if (!keys || (kid && !kids.has(kid) && now() - lastRefresh >= cooldownMs)) await refresh();
      if (!keys) throw new KeysUnavailable();
      let principal: Principal;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          currentDate: new Date(now()),
        });
        principal = principalFromClaims(payload);
        const until = Math.min(now() + VERIFIED_TTL_MS, (payload.exp ?? 0) * 1000);
        if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
        verified.set(token, { principal, until });
      } catch (error) {
        throw new InvalidToken(error instanceof Error ? error.message : 'invalid token');
      }
      return refuseEnded(principal);
    },
  };
}

function readKid(token: string): string | undefined {
  const [header] = token.split('.');
  if (!header) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof parsed.kid === 'string' ? parsed.kid : undefined;
  } catch {
    return undefined;
  }
}

/** Access-token claims: `sub` is the account id, `roles` its roles, `name` and `email`, `sid` the session. */
export function principalFromClaims(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string') throw new InvalidToken('token has no subject');
  const roles = Array.isArray(payload.roles)
    ? (payload.roles.filter((r) => typeof r === 'string') as Role[])
    : [];
  return {
    id: payload.sub,
    roles,
    ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
    ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
    ...(typeof payload.depotId === 'string' ? { depotId: payload.depotId } : {}),
    ...(typeof payload.sortingCentreId === 'string' ? { sortingCentreId: payload.sortingCentreId } : {}),
  };
}

/** The verifier every service uses: keys from `users`' JWKS endpoint, cached through its outages. */
export function createUsersVerifier(config: {
  USERS_URL: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}): ReturnType<typeof createJwksVerifier> {
  const url = new URL('/.well-known/jwks.json', config.USERS_URL);
  const revoked = new URL('/.well-known/revoked-sessions.json', config.USERS_URL);
  return createJwksVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    fetchKeys: async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
      return (await response.json()) as JSONWebKeySet;
    },
    fetchRevokedSessions: async (since) => {
      const target = new URL(revoked);
      if (since) target.searchParams.set('since', since);
      const response = await fetch(target, { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`revoked sessions answered ${response.status}`);
      return (await response.json()) as RevokedSessions;
    },
  });
}
