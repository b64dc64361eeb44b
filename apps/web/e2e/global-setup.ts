/** Starts the whole system once for every e2e file (or uses E2E_BASE_URL) and provides its URL. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The system's event bus database (empty when testing a running system without E2E_BUS_URL). */
    busUrl: string;
    /** The system's data directory: logs under `logs/`, signing keys under `keys/` (E2E_DATA_DIR when given). */
    dataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env['E2E_BASE_URL']?.replace(/\/$/, '');
  if (given) {
    project.provide('baseUrl', given);
    project.provide('busUrl', process.env['E2E_BUS_URL'] ?? '');
    project.provide('dataDir', process.env['E2E_DATA_DIR'] ?? '');
    return () => Promise.resolve();
  }
  const { startSystem } = await import('../../../tools/runner/system.ts');
  const { freePort } = await import('../../../tools/runner/ports.ts');
  const dataDir = await mkdtemp(join(tmpdir(), 'sauda-e2e-'));
  const system = await startSystem({
    port: await freePort(),
    dataDir,
    reset: true,
    quiet: true,
    ports: 'free',
    // Every browser of the suite signs in from 127.0.0.1: the per-IP credential limit would trip.
    env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  project.provide('baseUrl', system.url);
  project.provide('busUrl', system.busUrl);
  project.provide('dataDir', system.dataDir);
  return async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
