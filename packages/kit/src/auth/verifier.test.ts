import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwksVerifier, InvalidToken, KeysUnavailable } from './verifier.ts';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256' };
  const sign = (claims: Record<string, unknown> = {}, aud = 'sauda') =>
    new SignJWT({ roles: ['customer'], ...claims })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('user-1')
      .setIssuer('sauda-users')
      .setAudience(aud)
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwk, sign };
}

describe('createJwksVerifier', () => {
  it('keeps verifying with the cached keys while the key source is down', async () => {
    const key = await keyPair('k1');
    let up = true;
    let fetches = 0;
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      fetchKeys: () => {
        fetches += 1;
        return up
          ? Promise.resolve({ keys: [key.jwk] } as JSONWebKeySet)
          : Promise.reject(new Error('users is down'));
      },
    });
    await expect(verifier.verify(await key.sign())).resolves.toMatchObject({
      id: 'user-1',
      roles: ['customer'],
    });
    up = false;
    await verifier.refresh();
    await expect(verifier.verify(await key.sign())).resolves.toMatchObject({ id: 'user-1' });
    expect(fetches).toBe(2);
    verifier.close();
  });

  it('picks up a rotated key by its new kid, at most once per cooldown', async () => {
    const oldKey = await keyPair('old');
    const newKey = await keyPair('new');
    let keys = [oldKey.jwk];
    let now = 0;
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      now: () => now,
      unknownKidCooldownMs: 1000,
      fetchKeys: () => Promise.resolve({ keys }),
    });
    await verifier.verify(await oldKey.sign());
    keys = [newKey.jwk, oldKey.jwk];
    now = 1500;
    await expect(verifier.verify(await newKey.sign())).resolves.toMatchObject({ id: 'user-1' });
    await expect(verifier.verify(await oldKey.sign())).resolves.toMatchObject({ id: 'user-1' });
    verifier.close();
  });

  it('refuses tokens for another audience or signed by an unknown key', async () => {
    const key = await keyPair('k1');
    const stranger = await keyPair('k1');
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      fetchKeys: () => Promise.resolve({ keys: [key.jwk] }),
    });
    await expect(verifier.verify(await key.sign({}, 'elsewhere'))).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify(await stranger.sign())).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier.verify('not.a.token')).rejects.toBeInstanceOf(InvalidToken);
    verifier.close();
  });

  it('says keys are unavailable when they were never loaded', async () => {
    const key = await keyPair('k1');
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      fetchKeys: () => Promise.reject(new Error('down')),
    });
    await expect(verifier.verify(await key.sign())).rejects.toBeInstanceOf(KeysUnavailable);
    verifier.close();
  });

  it('remembers a verified token, but never past its expiry', async () => {
    const key = await keyPair('k1');
    let now = Date.now();
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      now: () => now,
      fetchKeys: () => Promise.resolve({ keys: [key.jwk] }),
    });
    const token = await key.sign();
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'user-1' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'user-1' });
    now += 6 * 60_000; // the test tokens live five minutes
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
    verifier.close();
  });
});

describe('createJwksVerifier with ended sessions (ADR 0008)', () => {
  it('refuses a remembered token once its session appears in the polled list, and keeps the list while users is down', async () => {
    const key = await keyPair('k1');
    let up = true;
    const ended: { id: string; revokedAt: string }[] = [];
    const sinces: (string | undefined)[] = [];
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      fetchKeys: () => Promise.resolve({ keys: [key.jwk] } as JSONWebKeySet),
      fetchRevokedSessions: (since) => {
        sinces.push(since);
        if (!up) return Promise.reject(new Error('users is down'));
        return Promise.resolve({ asOf: new Date().toISOString(), windowSeconds: 960, sessions: [...ended] });
      },
    });
    try {
      const token = await key.sign({ sid: 'session-1' });
      const other = await key.sign({ sid: 'session-2' });
      await expect(verifier.verify(token)).resolves.toMatchObject({ sessionId: 'session-1' });

      ended.push({ id: 'session-1', revokedAt: new Date().toISOString() });
      await verifier.refreshRevocations();
      await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
      await expect(verifier.verify(other)).resolves.toMatchObject({ sessionId: 'session-2' });

      up = false;
      await verifier.refreshRevocations();
      await expect(verifier.verify(token)).rejects.toThrow('session has ended');
      // Later polls ask only for what changed, from a little before the last answer.
      expect(sinces[0]).toBeUndefined();
      expect(sinces.at(-1)).toMatch(/^\d{4}-/);
    } finally {
      verifier.close();
    }
  });

  it('forgets sessions ended longer ago than any token of theirs can live', async () => {
    const key = await keyPair('k1');
    const longAgo = new Date(Date.now() - 3_600_000).toISOString();
    const verifier = createJwksVerifier({
      issuer: 'sauda-users',
      audience: 'sauda',
      fetchKeys: () => Promise.resolve({ keys: [key.jwk] } as JSONWebKeySet),
      fetchRevokedSessions: () =>
        Promise.resolve({
          asOf: new Date().toISOString(),
          windowSeconds: 960,
          sessions: [{ id: 'old-session', revokedAt: longAgo }],
        }),
    });
    try {
      await verifier.refreshRevocations();
      await expect(verifier.verify(await key.sign({ sid: 'old-session' }))).resolves.toMatchObject({
        sessionId: 'old-session',
      });
    } finally {
      verifier.close();
    }
  });
});
