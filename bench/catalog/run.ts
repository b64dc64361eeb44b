/**
 * Catalog benchmark: the shop through the gateway with N generated products (default 100,000), at 50
 * connections, in the same run as a bare Fastify + PostgreSQL baseline (one indexed query, 20 rows).
 * Usage: node --conditions=sauda-source --import tsx bench/catalog/run.ts
 *          [--products 100000] [--seconds 10] [--connections 50] [--database postgres://…/postgres]
 *          [--keep [--prefix benchkeep] [--seed-only]] [--targets product,productNoEdge]
 * Needs a PostgreSQL server (default the local one at 127.0.0.1:5432); writes bench/results/catalog-<N>.json
 * and appends a section to bench/results/catalog.md. For iterating: `--keep` keeps the seeded databases
 * (`benchkeep_*`) for the next `--keep` run, which seeds nothing when the products are there already;
 * `--prefix` names another kept set (a 100k and a 1M catalog side by side), `--seed-only` seeds and stops (to
 * measure later, on an idle machine); `--targets` loads only the named targets (and the baseline) and writes
 * no results.
 */
import { fork } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import postgres from 'postgres';
import { createDb } from '../../packages/kit/src/db/db.ts';
import { seedGenerated } from '../../services/shop/src/demo/seed-generated.ts';
import { generatedProductId } from '../../services/shop/src/demo/generate-products.ts';
import { startSystem } from '../../tools/runner/system.ts';
import { probeStatements } from './probe-search.ts';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    keep: { type: 'boolean', default: false },
    /** With --keep: the databases' name prefix (default benchkeep), so a 100k and a 1M catalog can both be kept. */
    prefix: { type: 'string' },
    /** With --keep: seed (if needed) and stop, to measure later on an idle machine. */
    'seed-only': { type: 'boolean', default: false },
    targets: { type: 'string' },
  },
});
const only = values.targets?.split(',').map((name) => name.trim());
const products = Number(values.products);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** Loads `paths` (one chosen at random per request, so caches see a realistic spread) on `base`. */
async function load(
  base: string,
  paths: readonly string[],
  duration: number,
  headers: Record<string, string> = {},
): Promise<Measure> {
  const requests: Request[] = [
    {
      setupRequest: (request) => ({
        ...request,
        path: pick(paths),
        headers: { ...request.headers, ...headers },
      }),
    },
  ];
  const result = await autocannon({ url: base, connections, duration, pipelining: 1, requests });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'sauda-bench-catalog-'));
const prefix = values.keep ? (values.prefix ?? 'benchkeep') : 'benchcatalog';
if (values['seed-only'] && !values.keep)
  throw new Error('--seed-only needs --keep (else the seeded data is dropped)');
say(
  `starting the system on ${values.database.replace(/\/\/[^@]*@/, '//…@')} (demo seed without generated products)…`,
);
const system = await startSystem({
  dataDir,
  reset: !values.keep,
  quiet: true,
  ports: 'free',
  databaseUrl: values.database,
  dbPrefix: prefix,
  dropDatabasesOnStop: !values.keep,
  // The similar-products pass is background batch work (at most half a database core); off while measuring.
  env: {
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DEMO_CATALOG_PRODUCTS: '0',
    SIMILAR_REFRESH_MS: '0',
  },
});
const shopUrl = values.database.replace(/\/[^/]*$/, `/${prefix}_shop`);
let baseline: ReturnType<typeof fork> | undefined;
try {
  const db = createDb(shopUrl, { max: 4, applicationName: 'bench-seed' });
  const started = Date.now();
  const [present] = await db<{ n: number }[]>`select count(*)::int as n from products`;
  if (!values.keep || (present?.n ?? 0) < products) {
    await seedGenerated(db, { products, events: false, batchSize: 1000, concurrency: 3 });
    // Vacuum too: the visibility map lets the facets of the whole catalog read only their covering index.
    await db`vacuum analyze products`.simple();
    await db`vacuum analyze product_variants`.simple();
    say(
      `seeded ${products.toLocaleString('en')} products in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } else say(`kept the ${present?.n.toLocaleString('en')} products seeded by an earlier --keep run`);
  await db.end();
  if (values['seed-only']) say('seeded; stopping (--seed-only)');
  else await measureAll();
} finally {
  baseline?.kill('SIGTERM');
  await system.stop();
  await rm(dataDir, { recursive: true, force: true });
}

/** Every target at 50 connections beside the baseline, then the results. */
async function measureAll(): Promise<void> {
  baseline = fork(new URL('./baseline.ts', import.meta.url), ['0', shopUrl], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const baselinePort = await new Promise<number>((resolve) =>
    baseline?.once('message', (m: { port: number }) => resolve(m.port)),
  );

  const ids = Array.from({ length: 2000 }, () =>
    generatedProductId(1 + Math.floor(Math.random() * products)),
  );
  const words = [
    'jacket',
    'sneakers',
    'смартфон',
    'tea',
    'chair',
    'кроссовки',
    'samsung',
    'blanket',
    'yoga mat',
    'serum',
  ];
  const search = words.flatMap((w) => [
    `/api/products?limit=20&q=${encodeURIComponent(w)}`,
    `/api/products?limit=20&q=${encodeURIComponent(w)}&sort=price_asc`,
  ]);
  // Distinct filter combinations, so nearly every request misses every cache: the cold cost of a search.
  const coldSearch = words.flatMap((w) =>
    Array.from(
      { length: 300 },
      (_, i) => `/api/products?limit=20&q=${encodeURIComponent(w)}&maxPrice=${100_000_00 + i * 1_000_00}`,
    ),
  );
  // A cookie makes the gateway pass the request through: the product page as the shop alone serves it.
  const noEdge = { cookie: 'bench=1' };
  const targets: Record<string, { base: string; paths: string[]; headers?: Record<string, string> }> = {
    baseline: { base: `http://127.0.0.1:${baselinePort}`, paths: ['/'] },
    listing: { base: system.url, paths: ['/api/products?limit=20'] },
    listingPages: {
      base: system.url,
      paths: Array.from({ length: 50 }, (_, i) => `/api/products?limit=20&page=${i + 1}`),
    },
    product: { base: system.url, paths: ids.map((id) => `/api/products/${id}`) },
    productNoEdge: { base: system.url, paths: ids.map((id) => `/api/products/${id}`), headers: noEdge },
    search: { base: system.url, paths: search },
    searchNoEdge: { base: system.url, paths: search, headers: noEdge },
    searchCold: { base: system.url, paths: coldSearch },
  };
  if (only) {
    const unknown = only.filter((name) => !(name in targets));
    if (unknown.length)
      throw new Error(`unknown targets ${unknown.join(', ')}: ${Object.keys(targets).join(', ')}`);
    for (const name of Object.keys(targets))
      if (name !== 'baseline' && !only.includes(name)) delete targets[name];
  }
  // One request per target first, waited for however long it takes: at 1,000,000 products the first facets
  // of the whole catalog take seconds, and a reader arriving during that pass would measure the start-up.
  for (const target of Object.values(targets)) {
    const first = target.paths[0] ?? '/';
    await fetch(new URL(first, target.base), { headers: target.headers ?? {} }).then((r) => r.arrayBuffer());
  }
  for (const [name, target] of Object.entries(targets)) {
    say(`warming up ${name}…`);
    await load(target.base, target.paths, 2, target.headers);
  }
  const results: Record<string, Measure> = {};
  for (const [name, target] of Object.entries(targets)) {
    results[name] = await load(target.base, target.paths, seconds, target.headers);
    const m = results[name];
    say(`${name.padEnd(13)} ${m.rps.toFixed(0)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  errors ${m.errors}`);
  }
  if (only) {
    say('a run of some targets only: no results written');
  } else {
    await writeResults(results);
  }
}

/** The probes after the load, then bench/results/catalog-<N>.json and a section of catalog.md. */
async function writeResults(results: Record<string, Measure>): Promise<void> {
  // What a cold (uncached) listing query costs in the database at this size.
  const pg = postgres(shopUrl, { max: 1 });
  const [plan] = await pg.unsafe<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }[]>(
    `explain (analyze, format json) select id from products where status = 'active' and hidden_at is null
     order by created_at desc, id limit 20`,
  );
  await pg.end();
  const coldMs = plan?.['QUERY PLAN'][0]?.['Execution Time'] ?? null;
  say('timing the search statements alone (cold: no cache)…');
  const probes = await probeStatements(shopUrl, 3);

  const base = results.baseline as Measure;
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    products,
    load: { seconds, connections },
    results,
    ratioToBaseline: Object.fromEntries(
      Object.entries(results).map(([name, m]) => [name, +(m.rps / base.rps).toFixed(3)]),
    ),
    listingQueryMs: coldMs,
    statements: probes,
  };
  await writeFile(
    new URL(`../results/catalog-${products}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const row = (label: string, m: Measure | undefined) =>
    m
      ? `| ${label} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${(m.rps / base.rps).toFixed(2)} | ${m.errors} |`
      : '';
  await appendFile(
    new URL('../results/catalog.md', import.meta.url),
    `
## ${products.toLocaleString('en')} products · ${report.date}

${report.machine.cpus} cores (${report.machine.model}) · Node ${report.machine.node} · ${connections} connections,
${seconds} s per target, load generator on the same machine. Listing query in the database alone:
${coldMs?.toFixed(2) ?? '?'} ms (EXPLAIN ANALYZE).

| target | req/s | p50 ms | p99 ms | ratio to baseline | errors |
|---|---:|---:|---:|---:|---:|
${row('baseline: bare Fastify + PostgreSQL, 20 rows', results.baseline)}
${row('`GET /api/products?limit=20` via gateway', results.listing)}
${row('`GET /api/products?limit=20&page=1…50`', results.listingPages)}
${row('`GET /api/products/:id` (2,000 random ids)', results.product)}
${row('`GET /api/products/:id`, past the gateway micro-cache', results.productNoEdge)}
${row('search with facets (20 queries, en/ru)', results.search)}
${row('search with facets, past the gateway micro-cache', results.searchNoEdge)}
${row('search with facets, uncached (3,000 distinct filters)', results.searchCold)}

Statements alone, cold (no cache, after the load; fastest / median of 3, ms):
${probes.map((p) => `${p.name} ${p.minMs} / ${p.medianMs}`).join(' · ')}.
`,
  );
  say('written to bench/results/catalog.md');
}
