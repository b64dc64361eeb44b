import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@sauda/kit';
import { issueAccessToken } from './issue-access-token.ts';
import { generateSigningKey, loadSigningKeys } from './load-signing-keys.ts';

describe('signing keys', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'sauda-users-keys-')), 'keys');
  });
  afterAll(async () => rm(join(dir, '..'), { recursive: true, force: true }));

  const sign = (keys: Awaited<ReturnType<typeof loadSigningKeys>>) =>
    issueAccessToken(
      { keys, issuer: 'sauda-users', audience: 'sauda', ttlSeconds: 900 },
      { accountId: 'a1', email: 'a@example.kz', name: 'A', roles: ['customer'], sessionId: 's1' },
      new Date(),
    );

  it('generates the first key in embedded mode as a 0600 file, and keeps it across restarts', async () => {
    const first = await loadSigningKeys({ kind: 'dir', dir });
    const files = await readdir(dir);
    expect(files).toEqual([`${first.current.kid}.json`]);
    expect((await stat(join(dir, files[0] ?? ''))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o077).toBe(0);
    const token = await sign(first);

    const restarted = await loadSigningKeys({ kind: 'dir', dir });
    expect(restarted.current.kid).toBe(first.current.kid);
    const { payload } = await jwtVerify(token, createLocalJWKSet(restarted.jwks), {
      issuer: 'sauda-users',
      audience: 'sauda',
    });
    expect(payload.sub).toBe('a1');
  });

  it('signs with the newest key and publishes every public key, never a private part', async () => {
    const older = await generateSigningKey();
    const newer = await generateSigningKey();
    const keys = await loadSigningKeys({ kind: 'json', json: JSON.stringify({ keys: [older, newer] }) });
    expect(keys.current.kid).toBe(newer.kid);
    expect(keys.jwks.keys.map((key) => key.kid)).toEqual([older.kid, newer.kid]);
    expect(JSON.stringify(keys.jwks)).not.toContain('"d"');

    // A token signed before the rotation still verifies against the new set.
    const beforeRotation = await sign(
      await loadSigningKeys({ kind: 'json', json: JSON.stringify({ keys: [older] }) }),
    );
    await expect(jwtVerify(beforeRotation, createLocalJWKSet(keys.jwks))).resolves.toBeDefined();
  });

  it.each([
    ['not json', 'not valid JSON'],
    ['{"keys": []}', 'holds no key'],
    ['[]', 'JWK set'],
    ['{"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "x"}]}', 'ES256'],
  ])('refuses to start with JWT_PRIVATE_KEYS=%s', async (json, problem) => {
    const failure = loadSigningKeys({ kind: 'json', json });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(problem);
  });

  it('refuses a public key alone, which could not sign', async () => {
    const { d: _d, ...publicOnly } = await generateSigningKey();
    await expect(
      loadSigningKeys({ kind: 'json', json: JSON.stringify({ keys: [publicOnly] }) }),
    ).rejects.toThrow(ConfigError);
  });
});
