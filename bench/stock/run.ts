/**
 * Stock reservation benchmark: how many `orders.order.placed.v1` the reservation handler decides per
 * second on a real PostgreSQL, with the consumer's inbox row, the guarded updates, the ledger rows and
 * the outbox event in each transaction. Two shapes: orders spread over 1,000 distinct SKUs, and every
 * order on one hot SKU (all transactions queue on one row lock).
 * Usage: npm run bench:stock -- [--seconds 10] [--concurrency 32]  (or node --conditions=sauda-source --import tsx bench/stock/run.ts)
 * Database: BENCH_DATABASE_URL (an admin URL; default postgres://postgres@127.0.0.1:5432/postgres).
 * Writes bench/results/stock.{json,md}.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DEMO_IDS, DEMO_SITES, type EventData, type OrderPlaced } from '@sauda/contracts';
import { createDb, eventMigrations, migrate, withTransaction, type Db } from '@sauda/kit';
import postgres from 'postgres';
import { v7 as uuidv7 } from 'uuid';
import { seedDemo } from '../../services/stock/src/demo/seed-demo.ts';
import { reserveStock } from '../../services/stock/src/reservations/reserve-stock.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ALMATY = { countryCode: 'KZ', city: 'Almaty', line1: 'Abay Ave 10', lat: 43.2389, lng: 76.8897 };

interface Result {
  scenario: string;
  reservations: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function order(variantId: string): EventData<typeof OrderPlaced> {
  const orderId = uuidv7();
  return {
    orderId,
    orderNumber: `SD-${orderId.slice(-8)}`,
    customerId: DEMO_IDS.customer,
    placedAt: new Date().toISOString(),
    shippingAddress: ALMATY,
    lines: [
      {
        lineId: uuidv7(),
        variantId,
        sku: 'BENCH',
        productId: uuidv7(),
        sellerId: DEMO_IDS.seller,
        title: 'Bench',
        quantity: 1,
      },
    ],
  };
}

/** Makes SKUs with plenty of stock in every depot (through the ledger, like real receipts). */
async function makeSkus(db: Db, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  const depots = Object.values(DEMO_SITES.depots);
  await db`insert into skus ${db(ids.map((id, i) => ({ variant_id: id, sku: `BENCH-${i}`, product_id: id, seller_id: DEMO_IDS.seller, title: 'Bench SKU' })))}`;
  const levels = ids.flatMap((id) =>
    depots.map((depot) => ({ variant_id: id, depot_id: depot, on_hand: 1_000_000 })),
  );
  await db`insert into stock_levels ${db(levels)}`;
  await db`insert into movements ${db(levels.map((l) => ({ ...l, kind: 'receipt' })))}`;
  return ids;
}

async function run(db: Db, scenario: string, pick: () => string): Promise<Result> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const placed = order(pick());
      const started = performance.now();
      // What the consumer does per delivery: the inbox row and the handler in one transaction.
      await withTransaction(db, async (tx) => {
        await tx`insert into inbox (consumer, event_id, type) values ('stock.reservations', ${uuidv7()}, 'orders.order.placed.v1')`;
        await reserveStock(tx, placed, 15 * 60_000);
      });
      latencies.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    reservations: latencies.length,
    perSecond: Math.round(latencies.length / elapsed),
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
    max: Number((latencies.at(-1) ?? 0).toFixed(1)),
  };
}

const name = `bench_stock_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = createDb(url.toString(), { max: concurrency });
try {
  await migrate(db, new URL('../../services/stock/migrations', import.meta.url), eventMigrations);
  await seedDemo(db);
  const distinct = await makeSkus(db, 1000);
  const [hot] = await makeSkus(db, 1);
  if (!hot) throw new Error('no hot SKU');
  const results: Result[] = [];
  for (const [scenario, pick] of [
    ['1,000 distinct SKUs', () => distinct[Math.floor(Math.random() * distinct.length)] ?? hot],
    ['one hot SKU', () => hot],
  ] as const) {
    console.log(`${scenario}: ${seconds}s with ${concurrency} concurrent reservations…`);
    results.push(await run(db, scenario, pick));
  }
  const [drift] = await db`
    select count(*)::int as n from stock_levels l
    where reserved <> (select coalesce(sum(reserved), 0) from movements m where m.variant_id = l.variant_id and m.depot_id = l.depot_id)`;
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  // A shared machine skews every figure: the load average says how busy it was while measuring.
  const environment = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} (1-minute load ${load}), Node ${process.version}, PostgreSQL at ${url.host}`;
  const table = results
    .map(
      (r) =>
        `| ${r.scenario} | ${r.reservations} | **${r.perSecond}** | ${r.p50} | **${r.p99}** | ${r.max} |`,
    )
    .join('\n');
  const md = `# Stock reservations

\`bench/stock/run.ts\`, ${new Date().toISOString().slice(0, 10)}: each reservation is the consumer's whole transaction
for one \`orders.order.placed.v1\` (inbox row, allocation reads, guarded level update, ledger row, reservation and
line rows, outbox event), one line of 1 unit, ${concurrency} at a time for ${seconds} s, on ${environment}.

| scenario | reservations | per second | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | ---: | ---: | ---: |
${table}

Levels out of step with the ledger afterwards: ${(drift as { n: number } | undefined)?.n ?? '?'} (must be 0).

The hot SKU serialises on one row lock (that is what makes overselling impossible), so its throughput is bounded by
one transaction's commit time; distinct SKUs scale with connections. Run: \`node --conditions=sauda-source --import tsx bench/stock/run.ts --seconds 10 --concurrency 32\`.
`;
  await writeFile(new URL('../results/stock.md', import.meta.url), md);
  await writeFile(
    new URL('../results/stock.json', import.meta.url),
    `${JSON.stringify({ environment, concurrency, seconds, results }, null, 2)}\n`,
  );
  console.log(md);
} finally {
  await db.end();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
