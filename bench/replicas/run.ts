/**
 * Replicas benchmark: `GET /api/products` through the gateway with 1 and then 2 shop replicas (the
 * gateway balancing round-robin), same data, same load, caches off so every request reaches a shop.
 * Usage: node --conditions=sauda-source --import tsx bench/replicas/run.ts
 *          [--seconds 10] [--connections 32] [--rounds 2] [--database postgres://…/postgres]
 * Needs a built system (`npm run build`) and a PostgreSQL server (default 127.0.0.1:5432); writes
 * bench/results/replicas.json and bench/results/replicas.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { startSystem } from '../../tools/runner/system.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Measure {
  replicas: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

// A spread of listings (pages × sorts) so no single answer dominates.
const PATHS = ['relevance', 'price_asc', 'price_desc', 'newest'].flatMap((sort) =>
  Array.from({ length: 10 }, (_, i) => `/api/products?limit=20&sort=${sort}&page=${i + 1}`),
);
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

async function measure(replicas: number): Promise<Measure[]> {
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
      MICRO_CACHE_MB: '0',
    },
  });
  // Ctrl-C during a run still stops the services and drops the run's databases.
  const interrupted = () => void system.stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const requests: Request[] = [{ setupRequest: (request) => ({ ...request, path: pick(PATHS) }) }];
    await autocannon({ url: system.url, connections, duration: 3, requests }); // warm-up
    const results: Measure[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const r = await autocannon({
        url: system.url,
        connections,
        duration: seconds,
        pipelining: 1,
        requests,
      });
      const m = {
        replicas,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
      };
      say(
        `  ${replicas} replica(s), round ${round + 1}: ${m.rps} req/s, p99 ${m.p99} ms, errors ${m.errors}`,
      );
      results.push(m);
    }
    return results;
  } finally {
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

say(`replicas benchmark: ${connections} connections, ${rounds} × ${seconds} s per setting`);
const one = await measure(1);
const two = await measure(2);
const summary = [one, two].map((runs) => ({
  replicas: runs[0]?.replicas ?? 0,
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
}));
const [a, b] = summary;
const gain = a && b && a.rps > 0 ? b.rps / a.rps : 0;
const busy = (loadavg()[0] ?? 0) > cpus().length;
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}) · Node ${process.version} · load ${loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ')}`;
await writeFile(
  new URL('../results/replicas.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), machine, connections, seconds, rounds, summary, one, two }, null, 2)}\n`,
);
const rows = summary
  .map((s) => `| ${s.replicas} | ${s.rps} | ${s.p50} | ${s.p99} | ${s.errors} |`)
  .join('\n');
await writeFile(
  new URL('../results/replicas.md', import.meta.url),
  `# Shop replicas behind the gateway

\`node --conditions=sauda-source --import tsx bench/replicas/run.ts --seconds ${seconds} --connections ${connections}\`
(${new Date().toISOString()}): users, shop, stock and the gateway started with \`replicas: { shop: N }\` (as \`npm start -- --replicas shop=N\`),
\`GET /api/products?limit=20&sort=…&page=…\` (40 listings at random) through the gateway, which balances
round-robin; the shop's answer cache and the gateway's micro-cache are off so every request reaches a shop.
Medians of ${rounds} rounds of ${seconds} s after a 3 s warm-up. ${machine}.

| shop replicas | req/s | p50 ms | p99 ms | errors |
|---:|---:|---:|---:|---:|
${rows}

**Gain with 2 replicas: ×${gain.toFixed(2)}.**${
    busy
      ? ' This run shared the machine with other work (1-minute load above the core count), so it says nothing about the gain; re-run on an idle machine.'
      : ''
  } The load generator, the gateway, PostgreSQL and every other
service share the same cores, so a second replica only helps as far as the shop's own CPU was the limit; on
a machine with free cores (or pods on other nodes) the gain approaches ×2 until the gateway or the database
becomes the bottleneck (docs/operations/scaling.md).
`,
);
say(`done: ×${gain.toFixed(2)} (bench/results/replicas.md)`);
