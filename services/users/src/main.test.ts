import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort, type TestDatabase } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('the users process', () => {
  let database: TestDatabase;
  let bus: TestDatabase;
  let keysDir: string;
  let child: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    [database, bus] = await Promise.all([createTestDatabase('usersmain'), createTestDatabase('bus')]);
    keysDir = await mkdtemp(join(tmpdir(), 'sauda-users-main-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--conditions=sauda-source', '--import', 'tsx', MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        BUS_DATABASE_URL: bus.url,
        JWT_PRIVATE_KEYS_DIR: join(keysDir, 'keys'),
        DEMO_SEED: 'true',
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`users did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await Promise.all([database.drop(), bus.drop()]);
    await rm(keysDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('starts, seeds the demo accounts, and never writes passwords or tokens to its logs', async () => {
    const password = 'Unmistakable-Passw0rd';
    const registered = await post('/auth/register', {
      email: 'logs@example.kz',
      password,
      name: 'Log Reader',
    });
    expect(registered.status).toBe(201);
    const first = (await registered.json()) as { accessToken: string; refreshToken: string };
    const login = await post('/auth/login', { email: 'seller@demo.sauda.kz', password: 'sauda-demo-2026' });
    expect(login.status).toBe(200);
    const refreshed = (await (await post('/auth/refresh', { refreshToken: first.refreshToken })).json()) as {
      accessToken: string;
      refreshToken: string;
    };
    expect((await post('/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect(
      (await post('/auth/login', { email: 'logs@example.kz', password: 'Wrong-Passw0rd-1' })).status,
    ).toBe(401);
    // Failing validation must not echo the body either.
    expect((await post('/auth/login', { email: 'logs@example.kz', password, extra: 1 })).status).toBe(400);
    const me = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${refreshed.accessToken}` } });
    expect(me.status).toBe(200);
    expect((await post('/auth/logout', { refreshToken: refreshed.refreshToken })).status).toBe(204);

    // The newer flows: reset by mail, two-factor, a card token; every answer is kept to be searched.
    const answers: string[] = [];
    const call = async (path: string, body?: unknown, token?: string, method = 'POST') => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      answers.push(text);
      return { status: response.status, json: () => JSON.parse(text) as Record<string, unknown> };
    };
    expect((await call('/auth/forgot-password', { email: 'logs@example.kz' })).status).toBe(202);
    const [mail] = await database.sql<{ link: string }[]>`
      select payload->>'link' as link from outbox
      where type = 'users.notification.requested.v1' and payload->>'template' = 'password_reset'`;
    const resetToken = new URL(mail?.link ?? '', 'http://x').searchParams.get('token') ?? '';
    const newPassword = 'Another-Unmistakable-9';
    expect((await call('/auth/reset-password', { token: resetToken, password: newPassword })).status).toBe(
      204,
    );
    const signedIn = await call('/auth/login', { email: 'logs@example.kz', password: newPassword });
    const access = String(signedIn.json().accessToken);
    const setup = (await call('/me/two-factor/setup', undefined, access)).json();
    const totpSecret = String(setup.secret);
    answers.pop(); // the setup answer shows the secret to its owner, once, by design
    const { base32Decode, totp } = await import('./two-factor/totp.ts');
    const code = totp(base32Decode(totpSecret), new Date());
    const enabled = (await call('/me/two-factor/enable', { code }, access)).json();
    const recoveryCodes = enabled.recoveryCodes as string[];
    answers.pop(); // likewise the recovery codes
    const challenge = (await call('/auth/login', { email: 'logs@example.kz', password: newPassword })).json();
    const challengeToken = String(challenge.challengeToken);
    answers.pop(); // the challenge is handed to the one who typed the password
    await call('/auth/login/two-factor', { challengeToken, recoveryCode: recoveryCodes[0] });
    const card = '4242424242424242';
    await call('/me/payment-methods', { token: `tok_${card}` }, access);
    await call('/me', undefined, access, 'GET');
    await call('/me/sessions', undefined, access, 'GET');
    const hashes = await database.sql<{ h: string }[]>`
      select password_hash as h from accounts union all select token_hash from refresh_tokens
      union all select token_hash from one_time_tokens union all select code_hash from recovery_codes`;
    for (const secret of [
      password,
      newPassword,
      card,
      totpSecret,
      resetToken,
      ...recoveryCodes,
      ...hashes.map((r) => r.h),
    ]) {
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    expect(answers.join('\n')).not.toMatch(/\$argon2/);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(output).toContain('demo accounts seeded');
    expect(output).toContain('"url":"/auth/refresh"'); // the capture works: request lines are there
    const secrets = await database.sql<{ h: string }[]>`
      select password_hash as h from accounts union all select token_hash from refresh_tokens
      union all select token_hash from one_time_tokens union all select coalesce(totp_secret, '-') from accounts`;
    expect(output).not.toMatch(/\$argon2/);
    for (const secret of [
      ...secrets.map((r) => r.h).filter((h) => h !== '-'),
      ...recoveryCodes,
      resetToken,
      challengeToken,
      newPassword,
      card,
      password,
      'sauda-demo-2026',
      'Wrong-Passw0rd-1',
      first.accessToken,
      first.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
