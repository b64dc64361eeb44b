/**
 * Position-ping ingestion benchmark: how many pings per second `POST /driver/positions` stores through the
 * real HTTP stack (token check, validation, partitioned insert, last-position upsert), and the write latency.
 * Phase 1 (open loop) offers the target load, 10,000 drivers pinging every 5 s = 2,000 pings/s, one ping per
 * request, and measures what is sustained and its p50/p99; phase 2 (closed loop) finds the ceiling.
 * Usage: npm run bench:dispatching -- [--seconds 20] [--drivers 10000] [--rate 2000] [--concurrency 64] [--batch 1]
 * Database: BENCH_DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres).
 * Writes bench/results/dispatching.{json,md} (dispatching-batch<n>.* with --batch n).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import postgres from 'postgres';
import { Agent, request } from 'undici';
import { v7 as uuidv7 } from 'uuid';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    drivers: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '64' },
    /** Pings per request: 1 is the worst case; the app sends 3 (one every 5 s, batched every 15 s). */
    batch: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const driverCount = Number(values.drivers);
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const batch = Math.max(1, Number(values.batch));
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Phase {
  phase: string;
  offeredPerSecond: number | null;
  pings: number;
  pingsPerSecond: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function startServer(dbUrl: string, jwks: unknown): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--conditions=sauda-source', '--import', 'tsx', new URL('./server.ts', import.meta.url).pathname],
    {
      env: { ...process.env, BENCH_DB_URL: dbUrl, BENCH_JWKS: JSON.stringify(jwks) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { port, child };
}

async function main(): Promise<void> {
  const dbName = `bench_dispatching_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${dbName}"`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }] };
  const { port, child } = await startServer(dbUrl.toString(), jwks);
  const drivers = await Promise.all(
    Array.from({ length: driverCount }, async () => {
      const id = uuidv7();
      const token = await new SignJWT({ roles: ['driver'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
        .setSubject(id)
        .setIssuer('sauda-users')
        .setAudience('sauda')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return { id, token, lat: 43.2 + Math.random() * 0.1, lng: 76.85 + Math.random() * 0.1 };
    }),
  );
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const origin = `http://127.0.0.1:${port}`;
  let next = 0;
  const ping = async (latencies: number[]): Promise<boolean> => {
    const driver = drivers[next++ % drivers.length];
    if (!driver) return false;
    const pings = Array.from({ length: batch }, (_, i) => {
      driver.lat += (Math.random() - 0.5) * 0.0005;
      driver.lng += (Math.random() - 0.5) * 0.0005;
      return {
        lat: driver.lat,
        lng: driver.lng,
        accuracyM: 8,
        at: new Date(Date.now() - (batch - 1 - i) * 5000).toISOString(),
      };
    });
    const started = performance.now();
    const response = await request(`${origin}/driver/positions`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${driver.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pings }),
    });
    await response.body.dump();
    latencies.push(performance.now() - started);
    return response.statusCode === 202;
  };
  const summarise = (
    phase: string,
    offered: number | null,
    latencies: number[],
    errors: number,
    ms: number,
  ): Phase => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      phase,
      offeredPerSecond: offered,
      pings: (latencies.length - errors) * batch,
      pingsPerSecond: Math.round((((latencies.length - errors) * batch) / ms) * 1000),
      errors,
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    };
  };

  // Warm-up: every driver's first ping (token cache, plans, partitions).
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < drivers.length) await ping([]);
    }),
  );

  const results: Phase[] = [];
  {
    const latencies: number[] = [];
    let errors = 0;
    const inflight = new Set<Promise<void>>();
    const started = performance.now();
    const requestsPerSecond = rate / batch;
    const total = requestsPerSecond * seconds;
    for (let i = 0; i < total; i++) {
      const due = started + (i / requestsPerSecond) * 1000;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const p: Promise<void> = ping(latencies).then((ok) => {
        if (!ok) errors++;
      });
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    await Promise.all(inflight);
    results.push(summarise(`open loop at ${rate}/s`, rate, latencies, errors, performance.now() - started));
  }
  {
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) if (!(await ping(latencies))) errors++;
      }),
    );
    results.push(
      summarise(
        `closed loop, ${concurrency} in flight`,
        null,
        latencies,
        errors,
        performance.now() - started,
      ),
    );
  }
  const db = postgres(dbUrl.toString(), { max: 1 });
  const [stored] = await db<{ n: number }[]>`select count(*)::int as n from positions`;
  await db.end();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await agent.close();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();

  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? '',
    loadavg: loadavg().map((l) => l.toFixed(2)),
  };
  const report = {
    date: new Date().toISOString(),
    drivers: driverCount,
    seconds,
    concurrency,
    storedPings: stored?.n ?? 0,
    machine,
    results,
  };
  await writeFile(
    new URL(`../results/dispatching${batch > 1 ? `-batch${batch}` : ''}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const rows = results.map(
    (r) =>
      `| ${r.phase} | ${r.offeredPerSecond ?? '—'} | ${r.pingsPerSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} |`,
  );
  const target = results[0];
  const verdict = target && target.pingsPerSecond >= rate * 0.98 ? 'sustained' : 'NOT sustained';
  const md = `# Dispatching: position-ping ingestion

\`npm run bench:dispatching -- --seconds ${seconds} --drivers ${driverCount} --rate ${rate} --concurrency ${concurrency} --batch ${batch}\` on ${report.date}.
${machine.cpus} × ${machine.model}; load average at the end ${machine.loadavg.join(' / ')} (the machine is shared with other work).

Each request carries ${batch} ping(s) of one driver (1 is the worst case; the app sends 3 every 15 s)
through the whole HTTP path of \`POST /driver/positions\`: ES256 token check, body validation, the insert into
the hash-partitioned \`positions\` table (duplicates collapse on driver + time) and the forward-only upsert of
\`last_positions\`. The server runs in its own process against the real PostgreSQL; ${driverCount} drivers.

| phase | offered pings/s | stored pings/s | p50 ms | p99 ms | max ms | errors |
| ----- | --------------- | -------------- | ------ | ------ | ------ | ------ |
${rows.join('\n')}

Target: 2,000 pings/s sustained (10,000 drivers every 5 s) — **${verdict}** at ${target?.pingsPerSecond ?? 0}/s with
p99 ${target?.p99 ?? 0} ms. Pings stored in total: ${report.storedPings}.
`;
  await writeFile(
    new URL(`../results/dispatching${batch > 1 ? `-batch${batch}` : ''}.md`, import.meta.url),
    md,
  );
  console.log(md);
}

await main();
