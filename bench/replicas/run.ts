/**
 * Replicas benchmark: `GET /api/products` through the gateway with 1, 2, … shop replicas (the gateway
 * balancing round-robin), same data, same load, caches off so every request reaches a shop. Twice: with no
 * limit (every replica may take what the machine has) and with each replica capped at `--cpu-limit` cores
 * by a cgroup CPU quota — what `resources.limits.cpu` does to a pod — so the second replica's gain is
 * measured the way it shows in a cluster, where a replica's share of CPU is fixed and more replicas add
 * more. CPU per request of every process (and the shop's PostgreSQL backends) is read from /proc.
 * Usage: node --conditions=sauda-source --import tsx bench/replicas/run.ts
 *          [--seconds 10] [--connections 32] [--rounds 2] [--max-replicas 3] [--cpu-limit 0.4]
 *          [--database postgres://…/postgres]
 * Needs a built system (`npm run build`), a PostgreSQL server (default 127.0.0.1:5432) and, for the capped
 * runs, root and the cgroup v1 CPU controller (/sys/fs/cgroup/cpu); writes bench/results/replicas.{json,md}.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { startSystem, type RunningSystem } from '../../tools/runner/system.ts';
import { cpuBetween, snapshotCpu } from '../checkout/cpu.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
    'max-replicas': { type: 'string', default: '3' },
    'cpu-limit': { type: 'string', default: '0.4' },
    /** `product`: product pages (the shop's own work dominates); `listing`: listings with facets (its database's). */
    target: { type: 'string', default: 'product' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const maxReplicas = Number(values['max-replicas']);
const cpuLimit = Number(values['cpu-limit']);
const CGROUP_CPU = '/sys/fs/cgroup/cpu';
const canCap = existsSync(CGROUP_CPU) && process.getuid?.() === 0;
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Measure {
  replicas: number;
  /** Cores each shop replica may use (cgroup quota), or undefined for no limit. */
  limit?: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU milliseconds per request by process group (`node:gateway`, `node:shop` for all replicas, `pg:shop`…). */
  cpuMsPerRequest: Record<string, number>;
}

/** Every demo product's page (up to 2,000), read from the listing. */
async function productPaths(url: string): Promise<string[]> {
  const paths: string[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const answer = await fetch(`${url}/api/products?limit=100&page=${page}`);
    const { items } = (await answer.json()) as { items: Array<{ id: string }> };
    paths.push(...items.map((p) => `/api/products/${p.id}`));
    if (items.length < 100) break;
  }
  if (paths.length === 0) throw new Error('the demo catalog is empty');
  return paths;
}

/** Caps each shop instance at `cores` with its own cgroup, as a pod's CPU limit does; returns the undo. */
async function capReplicas(
  system: RunningSystem,
  names: string[],
  cores: number,
): Promise<() => Promise<void>> {
  const groups: string[] = [];
  for (const name of names) {
    const pid = system.pid(name);
    if (!pid) throw new Error(`${name} is not running`);
    const dir = join(CGROUP_CPU, `sauda-bench-${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'cpu.cfs_period_us'), '100000');
    await writeFile(join(dir, 'cpu.cfs_quota_us'), String(Math.round(cores * 100_000)));
    await writeFile(join(dir, 'cgroup.procs'), String(pid));
    groups.push(dir);
  }
  return async () => {
    for (const dir of groups) {
      // Back to the root group first: a cgroup with processes in it cannot be removed.
      const procs = await readFile(join(dir, 'cgroup.procs'), 'utf8');
      for (const pid of procs.split('\n').filter(Boolean)) {
        await writeFile(join(CGROUP_CPU, 'cgroup.procs'), pid).catch(() => undefined);
      }
      await rmdir(dir).catch(() => undefined);
    }
  };
}

// A spread of listings (pages × sorts) so no single answer dominates.
const LISTINGS = ['relevance', 'price_asc', 'price_desc', 'newest'].flatMap((sort) =>
  Array.from({ length: 10 }, (_, i) => `/api/products?limit=20&sort=${sort}&page=${i + 1}`),
);
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

async function measure(replicas: number, limit: number | undefined): Promise<Measure[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sauda-bench-replicas-'));
  const system = await startSystem({
    dataDir,
    reset: true,
    quiet: true,
    ports: 'free',
    databaseUrl: values.database,
    dbPrefix: `benchreplicas${replicas}`,
    dropDatabasesOnStop: true,
    replicas: { shop: replicas },
    // The path under test and what it needs: sign-in keys (users), the catalog (shop), its stock read model.
    only: ['users', 'shop', 'stock'],
    env: {
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      DEMO_CATALOG_PRODUCTS: '2000',
      CATALOG_CACHE_TTL_MS: '0',
      CATALOG_MEMORY_TTL_MS: '0',
      MICRO_CACHE_MB: '0',
      // Background batch work of the shop, not the request path: off while measuring.
      SIMILAR_REFRESH_MS: '0',
    },
  });
  // Ctrl-C during a run still stops the services and drops the run's databases.
  const interrupted = () => void system.stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const shops = Array.from({ length: replicas }, (_, i) => (i === 0 ? 'shop' : `shop-${i + 1}`));
  let uncap = async () => undefined as void;
  try {
    if (limit !== undefined) uncap = await capReplicas(system, shops, limit);
    const processes = new Map<string, number>();
    for (const name of ['gateway', ...shops]) processes.set(name, system.pid(name) ?? 0);
    processes.set('load generator', process.pid);
    const cpu = () => snapshotCpu(processes, values.database, `benchreplicas${replicas}`);
    const paths = values.target === 'listing' ? LISTINGS : await productPaths(system.url);
    const requests: Request[] = [{ setupRequest: (request) => ({ ...request, path: pick(paths) }) }];
    await autocannon({ url: system.url, connections, duration: 10, requests }); // warm-up: JIT, pools, caches of the start
    const results: Measure[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const before = await cpu();
      const r = await autocannon({
        url: system.url,
        connections,
        duration: seconds,
        pipelining: 1,
        requests,
      });
      const used = cpuBetween(before, await cpu());
      const cpuMsPerRequest: Record<string, number> = {};
      for (const [group, ms] of Object.entries(used)) {
        // Every replica counts as the shop: the question is what one request costs, wherever it ran.
        const key = group.replace(/^node:shop(-\d+)?$/, 'node:shop');
        cpuMsPerRequest[key] = (cpuMsPerRequest[key] ?? 0) + ms / Math.max(1, r.requests.total);
      }
      const m = {
        replicas,
        ...(limit !== undefined ? { limit } : {}),
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
        cpuMsPerRequest,
      };
      say(
        `  ${replicas} replica(s)${limit ? ` capped at ${limit} core` : ''}, round ${round + 1}: ${m.rps} req/s, p99 ${m.p99} ms, errors ${m.errors}`,
      );
      results.push(m);
    }
    return results;
  } finally {
    await uncap();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const loadBefore = loadavg()[0] ?? 0;
say(`replicas benchmark: ${connections} connections, ${rounds} × ${seconds} s per setting`);
const settings: Array<{ replicas: number; limit?: number }> = [];
for (let n = 1; n <= Math.min(2, maxReplicas); n += 1) settings.push({ replicas: n });
if (canCap) for (let n = 1; n <= maxReplicas; n += 1) settings.push({ replicas: n, limit: cpuLimit });
else say('  no cgroup CPU controller (or not root): only the uncapped runs');
const runs: Measure[][] = [];
for (const setting of settings) runs.push(await measure(setting.replicas, setting.limit));

const summary = runs.map((list) => {
  const groups = [...new Set(list.flatMap((r) => Object.keys(r.cpuMsPerRequest)))].sort();
  return {
    replicas: list[0]?.replicas ?? 0,
    limit: list[0]?.limit,
    rps: median(list.map((r) => r.rps)),
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
    errors: list.reduce((sum, r) => sum + r.errors, 0),
    cpuMsPerRequest: Object.fromEntries(
      groups.map((g) => [g, round2(median(list.map((r) => r.cpuMsPerRequest[g] ?? 0)))]),
    ),
  };
});
const base = (limit: number | undefined) =>
  summary.find((s) => s.replicas === 1 && s.limit === limit)?.rps ?? 0;
const gainOf = (s: (typeof summary)[number]) => (base(s.limit) > 0 ? s.rps / base(s.limit) : 0);
// Judged before the run: during it, the benchmark itself keeps the cores busy.
const busy = loadBefore > cpus().length / 2;
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}) · Node ${process.version} · load ${loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ')}`;
await writeFile(
  new URL('../results/replicas.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), machine, connections, seconds, rounds, cpuLimit, summary, runs }, null, 2)}\n`,
);
const cpuCell = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([g, ms]) => `${g.replace(/^node:/, '')} ${ms.toFixed(2)}`)
    .join(' · ');
const rows = summary
  .map(
    (s) =>
      `| ${s.replicas} | ${s.limit === undefined ? 'none' : `${s.limit} core`} | ${Math.round(s.rps)} | ×${gainOf(s).toFixed(2)} | ${s.p50} | ${s.p99} | ${s.errors} | ${cpuCell(s.cpuMsPerRequest)} |`,
  )
  .join('\n');
const capped = summary.filter((s) => s.limit !== undefined);
const best = capped.at(-1);
await writeFile(
  new URL('../results/replicas.md', import.meta.url),
  `# Shop replicas behind the gateway

\`npm run bench:replicas -- --target ${values.target} --seconds ${seconds} --connections ${connections} --max-replicas ${maxReplicas} --cpu-limit ${cpuLimit}\`
(${new Date().toISOString()}): users, shop, stock and the gateway started with \`replicas: { shop: N }\` (as
\`npm start -- --replicas shop=N\`), ${
    values.target === 'listing'
      ? '`GET /api/products?limit=20&sort=…&page=…` (40 listings with facets at random)'
      : '`GET /api/products/:id` (the 2,000 demo products at random)'
  } through the gateway, which balances round-robin; the shop's answer cache and the gateway's micro-cache are off so every
request reaches a shop. Medians of ${rounds} rounds of ${seconds} s after a 10 s warm-up. ${machine}.
"limit" is a CPU quota per shop replica (its own cgroup, \`cpu.cfs_quota_us\`), which is how Kubernetes enforces a
pod's \`resources.limits.cpu\`; "none" lets every process take what the two cores have. CPU is milliseconds per
request per process, read from /proc (shop = all its replicas; pg:shop = the shop database's backends).

| shop replicas | limit per replica | req/s | gain | p50 ms | p99 ms | errors | CPU ms per request |
|---:|---|---:|---:|---:|---:|---:|---|
${rows}

${best ? `**With replicas capped at ${cpuLimit} core each (as pods), ${best.replicas} replicas serve ×${gainOf(best).toFixed(2)} the requests of one.** ` : ''}${
    busy ? 'This run started on a busy machine (1-minute load above half the cores): ratios only. ' : ''
  }Without limits, one replica can already use whatever the load generator, the gateway and PostgreSQL leave
of the two cores, so a second one adds little there — on this machine the whole system is the bottleneck,
not the shop; with a pod's share per replica (250m is the shop's CPU request in deploy/), replicas add
capacity until the two cores are full. In a cluster, where each replica has its own CPU share (on other cores or nodes), replicas add
capacity until the gateway or the database limits it (docs/operations/scaling.md uses the CPU per request above).
`,
);
say(`done (bench/results/replicas.md)`);

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
