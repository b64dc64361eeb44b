/** Test tokens: a throwaway key pair, a verifier that trusts it, and a signer for any principal. */
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import type { Role } from '@sauda/contracts';
import { createJwksVerifier, type TokenVerifier } from '../auth/verifier.ts';

export interface TestTokens {
  verifier: TokenVerifier & { close(): void };
  jwks: JSONWebKeySet;
  sign(
    principal: { id: string; roles: Role[]; email?: string; name?: string },
    options?: { expiresIn?: string },
  ): Promise<string>;
}

/** Makes a key pair and the matching verifier (issuer `sauda-users`, audience `sauda`). */
export async function createTestTokens(): Promise<TestTokens> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwks: JSONWebKeySet = { keys: [jwk] };
  const verifier = createJwksVerifier({
    fetchKeys: () => Promise.resolve(jwks),
    issuer: 'sauda-users',
    audience: 'sauda',
  });
  return {
    verifier,
    jwks,
    sign: (principal, options = {}) =>
      new SignJWT({
        roles: principal.roles,
        ...(principal.email ? { email: principal.email } : {}),
        ...(principal.name ? { name: principal.name } : {}),
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setSubject(principal.id)
        .setIssuer('sauda-users')
        .setAudience('sauda')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey),
  };
}
