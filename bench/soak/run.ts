/**
 * Soak (issue 10): the whole system from the runner (embedded PostgreSQL, every service as its own process,
 * free ports), a moderate steady mixed load for `--minutes`, and every minute each service process's RSS
 * (by pid, from the runner's `runner.json`) with the load's p50/p99 and errors. A least-squares trend of each
 * series decides: no RSS growth beyond the tolerance, no rising p99, no errors, no restarted process.
 * Usage: npm run bench:soak -- [--minutes 30] [--rate 8] [--warmup-minutes 2] [--sample-seconds 60]
 * Needs `npm run build` first. Writes bench/results/soak.{md,json}; exits 1 when the soak fails.
 */
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { freePort } from '../../tools/runner/ports.ts';
import { startSystem, type RunningSystem } from '../../tools/runner/system.ts';
import { prepareLoad, startLoad, type Window } from './load.ts';
import { judge, percentile, TOLERANCE, type Sample } from './trend.ts';
import { renderReport } from './report.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '8' },
    'warmup-minutes': { type: 'string', default: '2' },
    'sample-seconds': { type: 'string', default: '60' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const warmupMinutes = Number(values['warmup-minutes']);
const sampleMs = Number(values['sample-seconds']) * 1000;
for (const [name, value] of Object.entries({ minutes, rate, warmupMinutes, sampleMs }))
  if (!Number.isFinite(value) || value < 0 || (name !== 'warmupMinutes' && value === 0))
    throw new Error(`--${name}: a positive number, please`);

const RSS_READS = 5;
const RSS_READ_GAP_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** RSS of a process in MB, from /proc (Linux); undefined when it is gone. */
async function rssMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb === undefined ? undefined : Math.round((Number(kb) / 1024) * 10) / 10;
}

/** Per process, the median of its reads. */
function medianOf(reads: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const names = new Set(reads.flatMap((read) => Object.keys(read)));
  return Object.fromEntries(
    [...names].map((name) => {
      const values = reads.flatMap((read) => (read[name] === undefined ? [] : [read[name]]));
      const sorted = values.sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)] ?? 0];
    }),
  );
}

/** The service processes the runner started, by instance name (`runner.json` follows restarts). */
async function servicePids(dataDir: string): Promise<Record<string, number>> {
  const state = JSON.parse(await readFile(join(dataDir, 'runner.json'), 'utf8')) as {
    children: Record<string, { pid: number }>;
  };
  return Object.fromEntries(Object.entries(state.children).map(([name, child]) => [name, child.pid]));
}

/** Plenty of every demo item: the soak measures the system over time, not running out of stock. */
async function topUpStock(system: RunningSystem): Promise<void> {
  const url = new URL(system.busUrl);
  url.pathname = url.pathname.replace(/_bus$/, '_stock');
  const db = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  try {
    await db`update stock_levels set on_hand = on_hand + 1000000`;
  } finally {
    await db.end();
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'sauda-soak-'));
// Filled once started; a Ctrl-C during start-up finds nothing to stop but the data directory.
const running: { system?: RunningSystem } = {};
const cleanUp = async () => {
  await running.system?.stop();
  await rm(dataDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    log(`${signal}: stopping the system`);
    void cleanUp().finally(() => process.exit(130));
  });

const startedAt = new Date();
log(`starting the system (data in ${dataDir})`);
const system = await startSystem({
  port: await freePort(),
  dataDir,
  reset: true,
  quiet: true,
  ports: 'free',
  // The soak is one client at a steady rate from 127.0.0.1: the per-IP limits would stand in its way.
  env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
});
running.system = system;
log(`system up at ${system.url}: ${system.services.map((s) => s.name).join(', ')}`);
let exitCode = 1;
try {
  await topUpStock(system);
  const prepared = await prepareLoad(system.url);
  log(
    `${prepared.buyers.length} buyers, ${prepared.trackingNumbers.length} tracking numbers; load ${rate} operations/s`,
  );
  const load = startLoad(prepared, rate);
  await sleep(warmupMinutes * 60_000);
  const warmup = load.take();
  log(`warm-up done: ${warmup.requests} requests, ${warmup.errors} errors`);

  const firstPids = await servicePids(dataDir);
  const samples: Sample[] = [];
  const errorSamples: string[] = [...warmup.errorSamples];
  const measure = async (minute: number, window: Window | undefined) => {
    // V8's heap breathes between collections: the median of a few reads, seconds apart, is the steadier figure.
    const reads: Array<Record<string, number>> = [];
    for (let i = 0; i < RSS_READS; i += 1) {
      if (i > 0) await sleep(RSS_READ_GAP_MS);
      const pids = await servicePids(dataDir);
      const read: Record<string, number> = {};
      for (const [name, pid] of Object.entries(pids)) {
        const mb = await rssMb(pid);
        if (mb !== undefined) read[name] = mb;
      }
      reads.push(read);
    }
    const rss = medianOf(reads);
    const sorted = [...(window?.latencies ?? [])].sort((a, b) => a - b);
    const sample: Sample = {
      minute,
      rssMb: rss,
      requests: window?.requests ?? 0,
      errors: window?.errors ?? 0,
      p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
      p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    };
    samples.push(sample);
    errorSamples.push(...(window?.errorSamples ?? []).slice(0, Math.max(0, 10 - errorSamples.length)));
    const total = Object.values(rss).reduce((s, v) => s + v, 0);
    log(
      `minute ${minute.toFixed(1)}: ${sample.requests} requests, ${sample.errors} errors, p50 ${sample.p50Ms} ms, ` +
        `p99 ${sample.p99Ms} ms, RSS total ${total.toFixed(0)} MB`,
    );
  };
  // Every window is one sampling interval long: the clock starts with the first sample's reads.
  const began = performance.now();
  await measure(0, undefined);
  const count = Math.max(1, Math.round((minutes * 60_000) / sampleMs));
  for (let i = 1; i <= count; i += 1) {
    // Sleep to the planned time, so sampling does not drift with the time a sample takes.
    await sleep(Math.max(0, began + i * sampleMs - performance.now()));
    await measure((i * sampleMs) / 60_000, load.take());
  }
  await load.stop();
  const lastPids = await servicePids(dataDir);
  const restarts = Object.keys(lastPids).filter((name) => firstPids[name] !== lastPids[name]);
  const verdict = judge(samples, restarts);
  const errors = verdict.errors + warmup.errors;
  const pass = verdict.pass && warmup.errors === 0;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end`;
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    settings: { minutes, rate, warmupMinutes, sampleSeconds: sampleMs / 1000 },
    tolerance: TOLERANCE,
    warmup: { requests: warmup.requests, errors: warmup.errors },
    samples,
    verdict: { ...verdict, errors, pass },
    errorSamples,
  };
  await writeFile(new URL('../results/soak.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(new URL('../results/soak.md', import.meta.url), renderReport(result));
  log(`${pass ? 'PASS' : 'FAIL'}: wrote bench/results/soak.{md,json}`);
  exitCode = pass ? 0 : 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
