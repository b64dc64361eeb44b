import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseName, dropDatabases, ensureDatabases, redactUrl, withDatabase } from './databases.ts';
import { makeServiceSecrets, serviceEnv, type SystemLayout } from './env.ts';
import { StartupError } from './errors.ts';
import { assertResettable, makeStateDirs, wipe } from './data-dir.ts';
import { waitAll } from './health.ts';
import { DataDirLock } from './lock.ts';
import { consoleReporter, quietReporter, type Reporter } from './output.ts';
import { assignPorts, freePort } from './ports.ts';
import { startEmbeddedPostgres } from './postgres.ts';
import { withReplicas } from './replicas.ts';
import { discoverServices, startGroups, type ServiceSpec } from './services.ts';
import { Supervisor } from './supervisor.ts';

/** How to start the system; everything is optional and defaults to what `npm start` does. */
export interface StartOptions {
  /** Gateway port (default 8080, or a free one with `ports: 'free'`). */
  port?: number;
  /** Local state: PostgreSQL data, signing keys, media, logs (default `<repo>/.data`). */
  dataDir?: string;
  /** Delete the data directory first (and, with `databaseUrl`, recreate the databases). */
  reset?: boolean;
  /** No progress or logs on the console (logs still go to `<dataDir>/logs`). */
  quiet?: boolean;
  /** Admin URL of an existing PostgreSQL server to use instead of the embedded one. */
  databaseUrl?: string;
  /** Database names are `<dbPrefix>_<service>` and `<dbPrefix>_bus` (default `sauda`). */
  dbPrefix?: string;
  /** With `databaseUrl`: drop this run's databases on stop (for throwaway test runs). */
  dropDatabasesOnStop?: boolean;
  /** 'free' gives every service and the embedded PostgreSQL an unused port, for side-by-side systems. */
  ports?: 'fixed' | 'free';
  /** Embedded PostgreSQL port (default 54320, or a free one with `ports: 'free'`). */
  pgPort?: number;
  /** Where the service folders are (default `<repo>/services`). */
  servicesDir?: string;
  /** Instances per service (default 1): `{ shop: 2 }` adds `shop-2`, and the gateway balances over both. */
  replicas?: Record<string, number>;
  /** Start only these services (plus the gateway), e.g. for a benchmark of one path. */
  only?: readonly string[];
  /** Extra variables for every service; they win over the runner's. */
  env?: Record<string, string>;
  /** Called once every instance's port is chosen, before any starts (chaos puts a fault proxy in front of one). */
  onPortsAssigned?: (ports: ReadonlyMap<string, number>) => void;
  /** Aborting it during start-up stops whatever was started and rejects. */
  signal?: AbortSignal;
}

/** A started system. */
export interface RunningSystem {
  /** The gateway: the web app and the API. */
  url: string;
  dataDir: string;
  services: { name: string; url: string }[];
  /** The event bus database (pg-boss): e2e tests publish there as services not written yet would. */
  busUrl: string;
  /** Restarts one instance (e.g. `shop-2`): SIGTERM, wait for it to exit, start, wait until ready. */
  restart(name: string): Promise<void>;
  /** The process id of one instance (e.g. `shop-2`) while it runs: benchmarks read or cap its CPU. */
  pid(name: string): number | undefined;
  /** Chaos testing: SIGKILLs one instance as a crash would; the supervisor restarts it. False if not running. */
  crash(name: string): boolean;
  /** Stops the services (SIGTERM, then SIGKILL), then PostgreSQL; safe to call twice. */
  stop(): Promise<void>;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_PG_PORT = 54_320;
const START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 12_000;
// Set in a developer's shell for cluster work; inherited, they would pull services out of embedded mode.
const CLUSTER_VARIABLES = ['DATABASE_URL', 'NATS_URL', 'REDIS_URL'];

/** Starts PostgreSQL (embedded unless `databaseUrl`), creates the databases, and runs every service. */
export async function startSystem(options: StartOptions = {}): Promise<RunningSystem> {
  const since = performance.now();
  const dataDir = resolve(options.dataDir ?? join(REPO, '.data'));
  const discovered = await discoverServices(resolve(options.servicesDir ?? join(REPO, 'services')));
  const { services: written, unwritten } = runnable(discovered.services);
  const chosen = options.only
    ? written.filter((s) => s.name === 'gateway' || options.only?.includes(s.name))
    : written;
  const services = withReplicas(chosen, options.replicas ?? {});
  const reporter = options.quiet ? quietReporter() : consoleReporter(services.map((s) => s.name));
  const database = options.databaseUrl
    ? `PostgreSQL at ${redactUrl(options.databaseUrl)}`
    : 'embedded PostgreSQL';
  reporter.heading(`starting ${services.length} services with ${database}`);
  if (unwritten.length > 0) {
    reporter.notice('sauda', `not started, no src/main.ts yet: ${unwritten.join(', ')}`, 'warn');
  }
  const undo: Undo = [];
  const stop = once(() => unwind(undo));
  try {
    if (options.reset) await assertResettable(dataDir, [REPO]);
    const lock = await DataDirLock.claim(dataDir);
    undo.push(() => lock.release());
    if (lock.leftovers.length > 0) {
      reporter.notice(
        'sauda',
        `stopped ${lock.leftovers.join(', ')}, left running by a killed runner`,
        'warn',
      );
    }
    if (options.reset) await wipe(dataDir, !options.databaseUrl, lock);
    const mode = options.ports ?? 'fixed';
    const ports = await assignPorts(services, mode, options.port);
    options.onPortsAssigned?.(ports);

    const adminUrl = options.databaseUrl ?? (await startPostgres(dataDir, options, undo, reporter));
    options.signal?.throwIfAborted();
    const layout = await createDatabases(adminUrl, services, { ...options, dataDir }, ports, undo, reporter);
    options.signal?.throwIfAborted();
    const supervisors = await launch(services, layout, options, { dataDir, lock, reporter, undo });

    const wait = { signal: options.signal, logsDir: join(dataDir, 'logs'), timeoutMs: START_TIMEOUT_MS };
    await reporter.step('all services ready', () => waitAll(supervisors, '/health/ready', wait));
    for (const supervisor of supervisors) supervisor.markEstablished();
    const url = `http://127.0.0.1:${layout.ports.get('gateway')}`;
    reporter.running({
      url,
      elapsedMs: performance.now() - since,
      dataDir,
      services: services.map((s) => s.name),
    });
    const urls = services.map((s) => ({ name: s.name, url: `http://127.0.0.1:${layout.ports.get(s.name)}` }));
    const restart = async (name: string): Promise<void> => {
      const supervisor = supervisors.find((s) => s.service.name === name);
      if (!supervisor) throw new StartupError(`no instance "${name}" is running`);
      await supervisor.restart(STOP_GRACE_MS);
      await waitAll(supervisors, '/health/ready', wait, [supervisor]);
    };
    const crash = (name: string): boolean => {
      const supervisor = supervisors.find((s) => s.service.name === name);
      if (!supervisor) throw new StartupError(`no instance "${name}" is running`);
      return supervisor.crash();
    };
    const pid = (name: string) => supervisors.find((s) => s.service.name === name)?.pid;
    return { url, dataDir, services: urls, busUrl: layout.busUrl, restart, pid, crash, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startPostgres(
  dataDir: string,
  options: StartOptions,
  undo: Undo,
  reporter: Reporter,
): Promise<string> {
  const port = options.pgPort ?? (options.ports === 'free' ? await freePort() : DEFAULT_PG_PORT);
  const pg = await reporter.step(
    'PostgreSQL',
    () => startEmbeddedPostgres(dataDir, port),
    (pg) =>
      `127.0.0.1:${pg.port}${pg.initialised ? ', new cluster' : ''}${pg.recovered ? ', recovered' : ''}`,
  );
  // Last resort if the runner exits without stop() (a forced second Ctrl-C, a crash).
  const onExit = () => pg.stopNow();
  process.on('exit', onExit);
  undo.push(() => void process.off('exit', onExit));
  undo.push(() => pg.stop());
  return pg.adminUrl;
}

async function createDatabases(
  adminUrl: string,
  services: readonly ServiceSpec[],
  options: StartOptions & { dataDir: string },
  ports: Map<string, number>,
  undo: Undo,
  reporter: Reporter,
): Promise<SystemLayout> {
  const prefix = options.dbPrefix ?? 'sauda';
  const owners = services.filter((s) => s.database && !s.replicaOf);
  const byService = new Map(owners.map((s) => [s.name, databaseName(prefix, s.name)]));
  const bus = databaseName(prefix, 'bus');
  const names = [...byService.values(), bus];
  if (new Set(names).size !== names.length) throw new StartupError(`a service may not be called "bus"`);
  const recreate = Boolean(options.reset && options.databaseUrl);
  await reporter.step(
    'databases',
    () => ensureDatabases(adminUrl, names, recreate),
    (made) =>
      made.length ? `${made.length} created, ${names.length - made.length} kept` : `${names.length} kept`,
  );
  if (options.databaseUrl && options.dropDatabasesOnStop) undo.push(() => dropDatabases(adminUrl, names));
  return {
    services,
    ports,
    databaseUrls: new Map([...byService].map(([service, db]) => [service, withDatabase(adminUrl, db)])),
    busUrl: withDatabase(adminUrl, bus),
    dataDir: options.dataDir,
    webDist: join(REPO, 'apps', 'web', 'dist'),
    logLevel: options.env?.['LOG_LEVEL'] ?? process.env['LOG_LEVEL'] ?? 'info',
    serviceSecrets: makeServiceSecrets(services.filter((s) => !s.replicaOf)),
  };
}

type Undo = Array<() => Promise<void> | void>;

async function launch(
  services: readonly ServiceSpec[],
  layout: SystemLayout,
  options: StartOptions,
  ctx: { dataDir: string; lock: DataDirLock; reporter: Reporter; undo: Undo },
): Promise<Supervisor[]> {
  const { dataDir, lock, reporter, undo } = ctx;
  await makeStateDirs(dataDir);
  const logs = new Map<string, WriteStream>(
    services.map((s) => [s.name, createWriteStream(join(dataDir, 'logs', `${s.name}.log`), { flags: 'w' })]),
  );
  undo.push(() =>
    Promise.all([...logs.values()].map((log) => new Promise((done) => log.end(done)))).then(() => {}),
  );
  const inherited = { ...process.env };
  for (const name of CLUSTER_VARIABLES) delete inherited[name];
  const hooks = {
    line: (name: string, line: string) => {
      logs.get(name)?.write(`${line}\n`);
      reporter.serviceLine(name, line);
    },
    notice: (name: string, message: string, level: 'info' | 'warn') => {
      logs.get(name)?.write(`[runner] ${message}\n`);
      reporter.notice(name, message, level);
    },
    spawned: (name: string, pid: number) =>
      lock.record(name, pid, services.find((s) => s.name === name)?.main ?? ''),
  };
  const supervisors: Supervisor[] = [];
  const onExit = () => supervisors.forEach((s) => s.killNow());
  process.on('exit', onExit);
  undo.push(() => void process.off('exit', onExit));
  undo.push(() => Promise.all(supervisors.map((s) => s.stop(STOP_GRACE_MS))).then(() => {}));
  const wait = { signal: options.signal, logsDir: join(dataDir, 'logs'), timeoutMs: START_TIMEOUT_MS };

  for (const group of startGroups(services)) {
    const label = group.map((s) => s.name).join(', ');
    const detail = () => group.map((s) => `:${layout.ports.get(s.name)}`).join(' ');
    await reporter.step(
      label,
      async () => {
        const started = group.map((s) => {
          const env = { ...inherited, ...serviceEnv(s, layout), ...options.env };
          return new Supervisor(s, layout.ports.get(s.name) ?? s.port, env, hooks);
        });
        supervisors.push(...started);
        started.forEach((s) => s.start());
        await waitAll(supervisors, '/health/live', wait, started);
      },
      detail,
    );
  }
  return supervisors;
}

// A service being written may declare itself before it has an entry point: start the others.
function runnable(all: readonly ServiceSpec[]): { services: ServiceSpec[]; unwritten: string[] } {
  const unwritten = all.filter((s) => !existsSync(s.main) && !existsSync(join(s.dir, 'src', 'main.ts')));
  const services = all.filter((s) => !unwritten.includes(s));
  if (!services.some((s) => s.name === 'gateway')) {
    throw new StartupError('no gateway service found (services/gateway/package.json with a "sauda" field)');
  }
  const unbuilt = services.filter((s) => !existsSync(s.main)).map((s) => s.name);
  if (unbuilt.length) throw new StartupError(`not built: ${unbuilt.join(', ')}. Run: npm run build`);
  return { services, unwritten: unwritten.map((s) => s.name) };
}

// Undo in reverse order; a failing step must not leave PostgreSQL or a service running, so go on.
async function unwind(undo: Undo): Promise<void> {
  for (const step of undo.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`while stopping: ${(error as Error).message}`);
    }
  }
}

function once(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= work());
}
