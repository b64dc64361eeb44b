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

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(output).toContain('demo accounts seeded');
    expect(output).toContain('"url":"/auth/refresh"'); // the capture works: request lines are there
    for (const secret of [
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
