import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

const redisUrl = inject('redisUrl');

describe.skipIf(!redisUrl)(
  redisUrl ? 'rate limits shared through Redis' : 'SKIPPED: Redis is not reachable',
  () => {
    let tokens: TestTokens;
    const replicas: Array<Awaited<ReturnType<typeof buildApp>>> = [];

    beforeAll(async () => {
      tokens = await createTestTokens();
      for (let i = 0; i < 2; i += 1) {
        const replica = await buildApp({
          config: readConfig({
            LOG_LEVEL: 'silent',
            AUTH_RATE_LIMIT_PER_MINUTE: '4',
            UPSTREAM_TIMEOUT_MS: '500',
            REDIS_URL: redisUrl ?? '',
          }),
          upstreams: { users: 'http://127.0.0.1:9' },
          verifier: tokens.verifier,
        });
        await replica.app.ready();
        replicas.push(replica);
      }
    });
    afterAll(async () => {
      for (const replica of replicas) {
        await replica.app.close();
        await replica.close();
      }
      tokens.verifier.close();
    });

    it('counts one client across two gateway replicas', async () => {
      // A fresh address per run, so counters left in Redis by an earlier run cannot interfere.
      const remoteAddress = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const replica = replicas[i % 2];
        if (!replica) throw new Error('two replicas were built');
        statuses.push((await replica.app.inject({ url: '/api/auth/sessions', remoteAddress })).statusCode);
      }
      expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    });
  },
);

describe('a gateway whose Redis is down', () => {
  it('still starts and serves, without shared counters', async () => {
    const tokens = await createTestTokens();
    const { app, close } = await buildApp({
      config: readConfig({
        LOG_LEVEL: 'silent',
        AUTH_RATE_LIMIT_PER_MINUTE: '4',
        UPSTREAM_TIMEOUT_MS: '500',
        REDIS_URL: 'redis://127.0.0.1:9',
      }),
      upstreams: {},
      verifier: tokens.verifier,
    });
    await app.ready();
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    await app.close();
    await close();
    tokens.verifier.close();
  });
});
