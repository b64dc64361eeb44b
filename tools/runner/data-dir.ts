import { mkdir, readdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { StartupError } from './errors.ts';
import type { DataDirLock } from './lock.ts';
import { stopLeftoverPostgres } from './postgres.ts';

const MARKERS = ['runner.json', 'pg-password', 'pg', 'logs', 'keys', 'media'];

/** --reset deletes recursively: refuses a directory that does not look like a Sauda data directory. */
export async function assertResettable(dataDir: string, forbidden: readonly string[]): Promise<void> {
  const never = [...forbidden, '/', homedir(), process.cwd()].map((dir) => resolve(dir));
  const entries = await readdir(dataDir).catch(() => []);
  const looksOurs = entries.length === 0 || entries.some((entry) => MARKERS.includes(entry));
  if (never.includes(resolve(dataDir)) || !looksOurs) {
    throw new StartupError(`refusing to reset ${dataDir}: it does not look like a Sauda data directory`);
  }
}

/** Empties the data directory, first stopping a PostgreSQL still running on it. */
export async function wipe(dataDir: string, embedded: boolean, lock: DataDirLock): Promise<void> {
  if (embedded) await stopLeftoverPostgres(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  lock.save();
}

/** The folders the services write to: signing keys (private), media, and the runner's log files. */
export async function makeStateDirs(dataDir: string): Promise<void> {
  await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  await mkdir(join(dataDir, 'media'), { recursive: true });
  await mkdir(join(dataDir, 'logs'), { recursive: true });
}
