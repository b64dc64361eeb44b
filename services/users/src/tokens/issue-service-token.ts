/**
 * Service tokens (ADR 0004): a service proves its client id and secret and gets a short-lived access token
 * with `sub=<clientId>` and `roles: ['service']`, so it can call others when no customer token is at hand.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import type { UsersContext } from '../context.ts';
import { InvalidClient } from '../errors.ts';
import { SIGNING_ALGORITHM } from './load-signing-keys.ts';

/** The answer of `POST /auth/service-token`. */
export interface ServiceToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

// Comparing digests keeps the comparison constant-time whatever the lengths of the two secrets.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Issues a service token, or throws INVALID_CLIENT for an unknown client or a wrong secret. */
export async function issueServiceToken(
  ctx: UsersContext,
  credentials: { clientId: string; clientSecret: string },
): Promise<ServiceToken> {
  const expected = ctx.serviceClients.get(credentials.clientId);
  const given = digest(credentials.clientSecret);
  // An unknown client is still compared against something, so timing does not tell clients apart.
  const matches = timingSafeEqual(given, digest(expected ?? `unknown:${credentials.clientSecret}!`));
  if (!expected || !matches) throw new InvalidClient();
  const settings = ctx.accessTokens;
  const issuedAt = Math.floor(ctx.clock().getTime() / 1000);
  const ttl = ctx.serviceTokenTtlSeconds;
  const accessToken = await new SignJWT({ roles: ['service'], name: credentials.clientId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: settings.keys.current.kid, typ: 'JWT' })
    .setSubject(credentials.clientId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttl)
    .sign(settings.keys.current.privateKey);
  return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
}
