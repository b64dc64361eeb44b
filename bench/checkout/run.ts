/**
 * Checkout benchmark, end to end through the gateway: each simulated customer loops "view cart, add an item,
 * check out with a sandbox card, poll the order until confirmed" against users, shop, stock, payment, orders
 * and the gateway running as separate processes (their built bundles: `npm run build` first), with 1, 10 and 50 customers at once.
 * Events travel through pg-boss (embedded mode) or NATS JetStream (cluster mode's transport).
 * Usage: npm run bench:checkout -- [--seconds 20] [--mode pg|nats|both] [--customers 1,10,50] [--idle 0]
 * BENCH_LOG_DIR=dir keeps the services' logs; BENCH_CPU_PROF=dir writes a V8 CPU profile per service.
 * Database: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres); NATS_URL.
 * Writes bench/results/checkout.{json,md}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { demoVariantId } from '@sauda/contracts';
import postgres from 'postgres';
import { freePort } from '../../tools/runner/ports.ts';
import { runCustomers, type Round } from './customers.ts';
import { cpuBetween, snapshotCpu } from './cpu.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    mode: { type: 'string', default: 'both' },
    customers: { type: 'string', default: '1,10,50' },
    idle: { type: 'string', default: '0' },
  },
});
// Seconds of no traffic measured before each round: the services' background CPU (polls, timers), taken off
// the per-order figure as well on a busy machine, where few orders share the same background.
const idleSeconds = Number(values.idle);
const seconds = Number(values.seconds);
const levels = String(values.customers).split(',').map(Number);
const modes = values.mode === 'both' ? (['pg', 'nats'] as const) : [values.mode as 'pg' | 'nats'];
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const REPO = new URL('../../', import.meta.url).pathname;
const SERVICES = ['users', 'shop', 'stock', 'payment', 'orders', 'gateway'] as const;

const withDb = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function waitReady(url: string, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready in time`);
}

/** Starts the six services on fresh databases; answers the gateway URL and a stop function. */
async function startSystem(mode: 'pg' | 'nats') {
  const prefix = `bench_co_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  const names = [...SERVICES.filter((s) => s !== 'gateway'), 'bus'].map((s) => `${prefix}_${s}`);
  for (const name of names) await admin.unsafe(`create database "${name}"`);
  if (mode === 'nats') {
    // Durable consumers of an earlier run would hand this run old events: start from an empty stream.
    const nc = await connect({ servers: natsUrl });
    await (await jetstreamManager(nc)).streams.delete('SAUDA').catch(() => false);
    await nc.close();
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sauda-bench-'));
  const ports = Object.fromEntries(
    await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)),
  );
  const urls = Object.fromEntries(
    SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}`]),
  );
  const children: ChildProcess[] = [];
  for (const service of SERVICES) {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...urls,
      PORT: String(ports[service]),
      HOST: '127.0.0.1',
      SAUDA_MODE: 'embedded',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'true',
      DEMO_CATALOG_PRODUCTS: '0',
      JWT_PRIVATE_KEYS_DIR: join(dataDir, 'keys'),
      MEDIA_DIR: join(dataDir, 'media'),
      RATE_LIMIT_PER_MINUTE: '10000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000000',
      CHECKOUT_RATE_LIMIT_PER_MINUTE: '10000000',
      EVENT_TRANSPORT: mode,
      ...(mode === 'nats' ? { NATS_URL: natsUrl } : { BUS_DATABASE_URL: withDb(`${prefix}_bus`) }),
      ...(service === 'gateway'
        ? {}
        : {
            DATABASE_URL: withDb(`${prefix}_${service}`),
            DATABASE_POOL_MAX: process.env['BENCH_POOL_MAX'] ?? '8',
          }),
    };
    const logs = process.env['BENCH_LOG_DIR'];
    const child = spawn(
      process.execPath,
      // The built bundle, started as the image starts it (Dockerfile CMD): `npm run build` first.
      [
        '--enable-source-maps',
        ...(process.env['BENCH_CPU_PROF']
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
          : []),
        join(REPO, 'services', service, 'dist', 'main.js'),
      ],
      { env, stdio: ['ignore', logs ? 'pipe' : 'ignore', 'inherit'] },
    );
    // BENCH_LOG_DIR keeps each service's log (warnings and errors) for a look after the run.
    if (logs) child.stdout?.pipe(createWriteStream(join(logs, `${service}.log`)));
    children.push(child);
    await waitReady(urls[`${service.toUpperCase()}_URL`] ?? '', child, service);
  }
  // Plenty of every demo item in Almaty: the benchmark measures checkout, not running out.
  const stock = postgres(withDb(`${prefix}_stock`), { max: 1, onnotice: () => undefined });
  await stock`update stock_levels set on_hand = on_hand + 1000000 where depot_id = '01950000-0000-7000-8000-0000000de001'`;
  await stock.end();
  const pids = new Map(SERVICES.map((s, i) => [s, children[i]?.pid ?? 0] as const));
  return {
    gateway: urls['GATEWAY_URL'] ?? '',
    cpu: () => snapshotCpu(pids, adminUrl, prefix),
    stockDb: withDb(`${prefix}_stock`),
    async stop() {
      for (const child of children.reverse()) {
        child.kill('SIGTERM');
        await new Promise((resolve) =>
          child.exitCode !== null ? resolve(null) : child.once('exit', resolve),
        );
      }
      for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const results: Array<
  Round & {
    mode: string;
    cpuMsPerOrder: Record<string, number>;
    cpuMsPerOrderNetOfIdle?: Record<string, number>;
  }
> = [];
for (const mode of modes) {
  console.log(`\n== ${mode === 'pg' ? 'embedded (pg-boss)' : 'cluster transport (NATS JetStream)'} ==`);
  const system = await startSystem(mode);
  try {
    for (const customers of levels) {
      // Measured over the buying loop only: making the accounts (argon2 in users) is not part of an order.
      let before = await system.cpu();
      let loadgenBefore = process.cpuUsage();
      let idle: Record<string, number> = {};
      let startedAt = performance.now();
      const round = await runCustomers({
        gateway: system.gateway,
        customers,
        seconds,
        variants: Array.from({ length: 30 }, (_, i) => demoVariantId(i + 1)),
        onStart: async () => {
          if (idleSeconds > 0) {
            const idleFrom = await system.cpu();
            await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
            idle = cpuBetween(idleFrom, await system.cpu());
          }
          before = await system.cpu();
          loadgenBefore = process.cpuUsage();
          startedAt = performance.now();
        },
      });
      const cpuMs = cpuBetween(before, await system.cpu());
      const measuredSeconds = (performance.now() - startedAt) / 1000;
      const loadgen = process.cpuUsage(loadgenBefore);
      cpuMs['loadgen'] = (loadgen.user + loadgen.system) / 1000;
      const perOrder = Object.fromEntries(
        Object.entries(cpuMs)
          .sort((a, b) => b[1] - a[1])
          .map(([group, ms]) => [group, Math.round((ms / Math.max(1, round.confirmed)) * 10) / 10]),
      );
      const netPerOrder = Object.fromEntries(
        Object.entries(cpuMs)
          .sort((a, b) => b[1] - a[1])
          .map(([group, ms]) => {
            const background = ((idle[group] ?? 0) / idleSeconds) * measuredSeconds || 0;
            return [
              group,
              Math.round((Math.max(0, ms - background) / Math.max(1, round.confirmed)) * 10) / 10,
            ];
          }),
      );
      results.push({
        mode,
        ...round,
        cpuMsPerOrder: perOrder,
        ...(idleSeconds > 0 ? { cpuMsPerOrderNetOfIdle: netPerOrder } : {}),
      });
      console.log('CPU ms per confirmed order:', JSON.stringify(perOrder));
      if (idleSeconds > 0) console.log('net of idle background:', JSON.stringify(netPerOrder));
      console.log(
        `${String(customers).padStart(3)} customers: ${round.confirmedPerSecond.toFixed(1)} confirmed/s, ` +
          `checkout→confirmed p50 ${round.p50Ms} ms p99 ${round.p99Ms} ms, failed ${round.failed}`,
      );
    }
  } finally {
    await system.stop();
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} at the end`;
const rows = results.map(
  (r) =>
    `| ${r.mode === 'pg' ? 'embedded (pg-boss)' : 'cluster (NATS)'} | ${r.customers} | ${r.confirmed} | ${r.confirmedPerSecond.toFixed(1)} | ${r.p50Ms} | ${r.p99Ms} | ${r.checkoutP50Ms} | ${r.failed} |`,
);
const md = `# Checkout benchmark (bench/checkout)

End to end through the gateway: each customer loops \`GET /api/cart\`, \`POST /api/cart/items\`,
\`POST /api/checkout\` (sandbox card 4242), then follows the order's event stream (\`GET /api/orders/:id/stream?until=settled\`, as the web app does: it ends once the checkout settles) until \`confirmed\`.
Six services run as separate Node processes (their built bundles, as the image runs them), PostgreSQL ${adminUrl.replace(/\/\/[^@]*@/, '//')},
${seconds} s per level, load generator on the same machine. ${machine}. ${new Date().toISOString()}.

| mode | customers | confirmed | confirmed/s | checkout→confirmed p50 ms | p99 ms | checkout answer p50 ms | failed |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Target (cluster, 50 customers): ≥ 100 confirmed orders/s with p99 < 1 s.
`;
await writeFile(new URL('../results/checkout.md', import.meta.url), md);
await writeFile(
  new URL('../results/checkout.json', import.meta.url),
  JSON.stringify({ machine, seconds, results }, null, 2),
);
console.log(`\nwrote bench/results/checkout.{md,json}`);
