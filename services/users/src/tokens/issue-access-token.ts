/** Access tokens: short-lived ES256 JWTs every service verifies locally against the JWKS. */
import { SignJWT } from 'jose';
import type { Role } from '@sauda/contracts';
import { SIGNING_ALGORITHM, type SigningKeys } from './load-signing-keys.ts';

export interface AccessTokenSettings {
  keys: SigningKeys;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenSubject {
  accountId: string;
  email: string;
  name: string;
  roles: readonly Role[];
  sessionId: string;
  depotId?: string | null;
  sortingCentreId?: string | null;
}

/** The token subject of an account's session: who, with which roles, attached to which site. */
export function subjectOf(
  account: {
    id: string;
    email: string;
    name: string;
    roles: readonly Role[];
    depotId: string | null;
    sortingCentreId: string | null;
  },
  sessionId: string,
): AccessTokenSubject {
  return {
    accountId: account.id,
    email: account.email,
    name: account.name,
    roles: account.roles,
    sessionId,
    depotId: account.depotId,
    sortingCentreId: account.sortingCentreId,
  };
}

/** Signs an access token for one session of one account with the newest key. */
export async function issueAccessToken(
  settings: AccessTokenSettings,
  subject: AccessTokenSubject,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    roles: [...subject.roles],
    email: subject.email,
    name: subject.name,
    sid: subject.sessionId,
    // Staff sites travel in the token so stock and dispatching check them without calling users.
    ...(subject.depotId ? { depotId: subject.depotId } : {}),
    ...(subject.sortingCentreId ? { sortingCentreId: subject.sortingCentreId } : {}),
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: settings.keys.current.kid, typ: 'JWT' })
    .setSubject(subject.accountId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + settings.ttlSeconds)
    .sign(settings.keys.current.privateKey);
}
