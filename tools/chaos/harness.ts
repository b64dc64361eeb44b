/**
 * The chaos harness: starts its own system (embedded PostgreSQL behind a fault proxy, payment behind
 * another), drives checkouts and browsing, runs the fault schedule, then waits for the system to recover
 * and judges it with the invariant checker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoVariantId, DEMO_SITES } from '@sauda/contracts';
import { createDb } from '@sauda/kit';
import { checkInvariants, type InvariantResult } from '../invariants/check-invariants.ts';
import { databaseName, withDatabase } from '../runner/databases.ts';
import { freePort } from '../runner/ports.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../runner/postgres.ts';
import { startSystem, type RunningSystem } from '../runner/system.ts';
import { Load, type LoadResult } from './load.ts';
import { FaultProxy } from './proxy.ts';
import { buildSchedule, describeStep, type Step } from './schedule.ts';

/** How long and how hard to shake the system. */
export interface ChaosOptions {
  durationMs: number;
  buyers?: number;
  browsers?: number;
  /** Pause of each buyer and browser between rounds. */
  pauseMs?: number;
  killEveryMs?: number;
  faultEveryMs?: number;
  databaseRestartEveryMs?: number;
  /** After the faults, how long the system has to satisfy every invariant. */
  recoveryTimeoutMs?: number;
  /** pg-boss: after how long a killed consumer's job is delivered again (EVENT_JOB_EXPIRY_SECONDS; default 120). */
  jobExpirySeconds?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** What a chaos run did and found. */
export interface ChaosReport {
  startedAt: string;
  durationMs: number;
  seed: number;
  machine: string;
  schedule: string[];
  faults: Record<string, number>;
  load: LoadResult;
  /** From the end of the faults until every service was ready, and until every invariant held (null: never). */
  recovery: { readyMs: number | null; invariantsMs: number | null };
  /** The demo data before the run (whole history), for information. */
  baseline: InvariantResult[];
  /** The run's own data (everything from the start of the load), after recovery: this decides `ok`. */
  invariants: InvariantResult[];
  ok: boolean;
}

const PREFIX = 'sauda';
/** Demo products whose stock is topped up for the run (the buyers pick among them). */
const VARIANTS = Array.from({ length: 20 }, (_, i) => demoVariantId(i + 1));
/** Every instance a kill may hit: the whole system, the gateway included. */
const VICTIMS = ['gateway', 'users', 'shop', 'orders', 'stock', 'payment', 'shipping', 'dispatching'];

/** Runs one chaos experiment end to end and answers its report; everything it started is stopped. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? Date.now() % 1_000_000;
  const home = await mkdtemp(join(tmpdir(), 'sauda-chaos-'));
  const pgPort = await freePort();
  const database: { pg?: EmbeddedPostgres } = {};
  const proxies: FaultProxy[] = [];
  let system: RunningSystem | undefined;
  try {
    log('starting PostgreSQL');
    database.pg = await startEmbeddedPostgres(home, pgPort);
    const directUrl = database.pg.adminUrl;
    const pgProxy = await FaultProxy.start({ target: { host: '127.0.0.1', port: pgPort } });
    const paymentProxy = await FaultProxy.start();
    proxies.push(pgProxy, paymentProxy);
    const proxied = new URL(directUrl);
    proxied.port = String(pgProxy.port);
    log('starting the system (PostgreSQL and payment behind fault proxies)');
    system = await startSystem({
      dataDir: join(home, 'system'),
      ports: 'free',
      quiet: true,
      databaseUrl: proxied.toString(),
      dbPrefix: PREFIX,
      onPortsAssigned: (ports) =>
        paymentProxy.retarget({ host: '127.0.0.1', port: ports.get('payment') ?? 0 }),
      env: {
        PAYMENT_URL: `http://127.0.0.1:${paymentProxy.port}`,
        DEMO_CATALOG_PRODUCTS: '0',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '1000000',
        AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
        CHECKOUT_RATE_LIMIT_PER_MINUTE: '1000000',
        ...(options.jobExpirySeconds ? { EVENT_JOB_EXPIRY_SECONDS: String(options.jobExpirySeconds) } : {}),
      },
    });
    await topUpStock(directUrl);
    const baseline = await checkInvariants({ adminUrl: directUrl, dbPrefix: PREFIX });

    const schedule = buildSchedule({
      durationMs: options.durationMs,
      services: VICTIMS.filter((name) => system?.services.some((s) => s.name === name)),
      killEveryMs: options.killEveryMs ?? 6_000,
      faultEveryMs: options.faultEveryMs ?? 15_000,
      databaseRestartEveryMs: options.databaseRestartEveryMs ?? 240_000,
      seed,
    });
    const since = new Date();
    const load = new Load(system.url, VARIANTS);
    load.start(options.buyers ?? 6, options.browsers ?? 2, options.pauseMs ?? 300);
    log(`chaos for ${options.durationMs / 1000}s: ${schedule.length} faults, seed ${seed}`);
    const faults: Record<string, number> = {};
    const running = system;
    const targets = { postgres: pgProxy, payment: paymentProxy };
    const restartDatabase = async () => {
      await database.pg?.stop();
      await sleep(2_000);
      database.pg = await startEmbeddedPostgres(home, pgPort);
    };
    const pending: Promise<void>[] = [];
    const started = performance.now();
    for (const step of schedule) {
      await sleep(Math.max(0, step.atMs - (performance.now() - started)));
      log(describeStep(step));
      const key = faultKey(step);
      faults[key] = (faults[key] ?? 0) + 1;
      pending.push(
        inject(step, { system: running, targets, directUrl, restartDatabase }).catch((error: unknown) =>
          log(`fault ${describeStep(step)} could not be injected: ${(error as Error).message}`),
        ),
      );
    }
    await sleep(Math.max(0, options.durationMs - (performance.now() - started)));
    await Promise.all(pending);
    for (const proxy of proxies) proxy.set({ kind: 'none' });
    const faultsEnded = performance.now();
    log('faults over; waiting for the buyers to finish and the system to recover');
    await load.stop();
    const recovery = await recover(
      running,
      directUrl,
      since,
      options.recoveryTimeoutMs ?? 600_000,
      faultsEnded,
      log,
    );
    const report: ChaosReport = {
      startedAt: since.toISOString(),
      durationMs: options.durationMs,
      seed,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end (shared with other work)`,
      schedule: schedule.map(describeStep),
      faults,
      load: load.result(),
      recovery: { readyMs: recovery.readyMs, invariantsMs: recovery.invariantsMs },
      baseline,
      invariants: recovery.invariants,
      ok: recovery.invariants.every((r) => r.ok),
    };
    return report;
  } finally {
    await system?.stop();
    await database.pg?.stop();
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await rm(home, { recursive: true, force: true });
  }
}

function faultKey(step: Step): string {
  if (step.kind === 'kill') return 'SIGKILL of a service';
  if (step.kind === 'proxy') return `${step.target} ${step.fault.kind}`;
  return step.kind === 'broker-restart' ? 'broker restart' : 'database restart';
}

interface Injection {
  system: RunningSystem;
  targets: Record<'postgres' | 'payment', FaultProxy>;
  directUrl: string;
  restartDatabase(): Promise<void>;
}

async function inject(step: Step, to: Injection): Promise<void> {
  switch (step.kind) {
    case 'kill':
      to.system.crash(step.service);
      return;
    case 'proxy': {
      const proxy = to.targets[step.target];
      proxy.set(step.fault);
      await sleep(step.forMs);
      proxy.set({ kind: 'none' });
      return;
    }
    case 'broker-restart':
      // Embedded mode's broker is pg-boss in the bus database: every connection to it dies at once.
      // PostgreSQL may itself be restarting (a fault of its own): try for a while before giving up.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await withDb(to.directUrl, async (db) => {
            await db`select pg_terminate_backend(pid) from pg_stat_activity
                     where datname = ${databaseName(PREFIX, 'bus')} and pid <> pg_backend_pid()`;
          });
        } catch (error) {
          if (attempt >= 10) throw error;
          await sleep(2_000);
        }
      }
    case 'database-restart':
      return to.restartDatabase();
  }
}

async function withDb<T>(url: string, work: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(url, { max: 1, applicationName: 'sauda-chaos' });
  try {
    return await work(db);
  } finally {
    await db.end({ timeout: 5 });
  }
}

/** Plenty of the buyers' items in Almaty, through the ledger (a movement per change), so stock never runs out. */
async function topUpStock(directUrl: string): Promise<void> {
  await withDb(withDatabase(directUrl, databaseName(PREFIX, 'stock')), async (db) => {
    await db`
      with raised as (
        update stock_levels set on_hand = on_hand + 100000
        where variant_id = any(${VARIANTS}::uuid[]) and depot_id = ${DEMO_SITES.depots.almaty}
        returning variant_id, depot_id)
      insert into movements (variant_id, depot_id, kind, on_hand, reason)
      select variant_id, depot_id, 'adjustment', 100000, 'chaos run: stock for the buyers' from raised`;
  });
}

/** Waits until every service is ready, then until every invariant holds; answers the times and last verdicts. */
async function recover(
  system: RunningSystem,
  directUrl: string,
  since: Date,
  timeoutMs: number,
  from: number,
  log: (line: string) => void,
): Promise<{ readyMs: number | null; invariantsMs: number | null; invariants: InvariantResult[] }> {
  const deadline = from + timeoutMs;
  let readyMs: number | null = null;
  let invariants: InvariantResult[] = [];
  while (performance.now() < deadline) {
    if (readyMs === null) {
      const answers = await Promise.all(
        system.services.map((s) =>
          fetch(`${s.url}/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      if (answers.every(Boolean)) {
        readyMs = Math.round(performance.now() - from);
        log(`every service ready ${readyMs} ms after the faults`);
      }
    }
    if (readyMs !== null) {
      invariants = await checkInvariants({ adminUrl: directUrl, dbPrefix: PREFIX, since });
      if (invariants.every((r) => r.ok)) {
        const invariantsMs = Math.round(performance.now() - from);
        log(`every invariant holds ${invariantsMs} ms after the faults`);
        return { readyMs, invariantsMs, invariants };
      }
    }
    await sleep(5_000);
  }
  if (readyMs !== null) invariants = await checkInvariants({ adminUrl: directUrl, dbPrefix: PREFIX, since });
  return { readyMs, invariantsMs: null, invariants };
}
