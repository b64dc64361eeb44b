/**
 * HTTP baseline benchmark: in one run, a bare Fastify hello-world and `GET /api/products?limit=20`
 * through the gateway (gateway → shop → PostgreSQL, demo catalog), under the same load.
 * Usage: npm run bench -- [--seconds 10] [--connections 32] [--rounds 2]
 * Writes bench/results/http-baseline.{json,md}.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startSystem } from '../../tools/runner/system.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, duration: number): Promise<Measure> {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const hello = fork(new URL('./hello.ts', import.meta.url), ['0'], {
  execArgv: ['--import', 'tsx'],
  stdio: 'inherit',
});
const helloPort = await new Promise<number>((resolve) =>
  hello.once('message', (m: { port: number }) => resolve(m.port)),
);
const dataDir = await mkdtemp(join(tmpdir(), 'sauda-bench-'));
console.log('starting the system (embedded PostgreSQL, demo catalog)…');
const system = await startSystem({
  dataDir,
  reset: true,
  quiet: true,
  ports: 'free',
  env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' },
});

const targets = {
  baseline: `http://127.0.0.1:${helloPort}/`,
  products: `${system.url}/api/products?limit=20`,
};
const runs: Record<keyof typeof targets, Measure[]> = { baseline: [], products: [] };
try {
  for (const [name, url] of Object.entries(targets)) {
    console.log(`warming up ${name}…`);
    await load(url, 2);
  }
  // Alternating rounds spread the machine's noise over both targets.
  for (let round = 1; round <= rounds; round += 1) {
    for (const name of Object.keys(targets) as Array<keyof typeof targets>) {
      const measure = await load(targets[name], seconds);
      runs[name].push(measure);
      console.log(
        `round ${round} ${name.padEnd(8)} ${measure.rps.toFixed(0)} req/s  p50 ${measure.p50} ms  p99 ${measure.p99} ms`,
      );
    }
  }
} finally {
  await system.stop();
  hello.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}

const summary = Object.fromEntries(
  Object.entries(runs).map(([name, ms]) => [
    name,
    {
      rps: median(ms.map((m) => m.rps)),
      p50: median(ms.map((m) => m.p50)),
      p99: median(ms.map((m) => m.p99)),
      errors: ms.reduce((n, m) => n + m.errors + m.non2xx, 0),
    },
  ]),
) as Record<keyof typeof targets, { rps: number; p50: number; p99: number; errors: number }>;
const ratio = {
  throughput: summary.products.rps / summary.baseline.rps,
  p50: summary.products.p50 / Math.max(summary.baseline.p50, 1),
  p99: summary.products.p99 / Math.max(summary.baseline.p99, 1),
};
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  load: { seconds, connections, rounds },
  targets,
  runs,
  median: summary,
  ratio,
};
await writeFile(
  new URL('../results/http-baseline.json', import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);
const md = `# HTTP baseline

${report.date} · ${report.machine.cpus} cores (${report.machine.model}) · Node ${report.machine.node} ·
${connections} connections, ${rounds} alternating rounds of ${seconds} s each; medians. The load generator
(autocannon) runs on the same machine, so both targets share the cores with it.

| target | req/s | p50 ms | p99 ms | errors |
|---|---:|---:|---:|---:|
| bare Fastify hello-world | ${summary.baseline.rps.toFixed(0)} | ${summary.baseline.p50} | ${summary.baseline.p99} | ${summary.baseline.errors} |
| \`GET /api/products?limit=20\` via gateway → shop → PostgreSQL | ${summary.products.rps.toFixed(0)} | ${summary.products.p50} | ${summary.products.p99} | ${summary.products.errors} |

**Ratio** (products / baseline): throughput ${(ratio.throughput * 100).toFixed(1)} %, p50 ×${ratio.p50.toFixed(1)}, p99 ×${ratio.p99.toFixed(1)}.
`;
await writeFile(new URL('../results/http-baseline.md', import.meta.url), md);
console.log(md);
