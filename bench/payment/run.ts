/**
 * Payment authorization benchmark: `POST /payment/intents` over HTTP with a 4242 card token, each request
 * a new order and Idempotency-Key, through the sandbox bank (its own pool and tables), with the idempotency
 * row, the intent, its splits and the outbox event in each transaction, on a real PostgreSQL.
 * Usage: node --conditions=sauda-source --import tsx bench/payment/run.ts [--seconds 10] [--connections 32]
 * Database: BENCH_DATABASE_URL (an admin URL; default postgres://postgres@127.0.0.1:5432/postgres).
 * Writes bench/results/payment.{json,md}.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEMO_IDS } from '@sauda/contracts';
import { createDb, eventMigrations, idempotencyMigrations, migrate } from '@sauda/kit';
import postgres from 'postgres';
import { v7 as uuidv7 } from 'uuid';
import { createTestTokens } from '../../packages/kit/src/testing/tokens.ts';
import { buildApp } from '../../services/payment/src/app.ts';
import { createPaymentContext } from '../../services/payment/src/providers/open-providers.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const name = `bench_payment_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
await admin.unsafe(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = createDb(url.toString(), { max: 20 });
const bankDb = createDb(url.toString(), { max: 8 });
await migrate(db, new URL('../../services/payment/migrations', import.meta.url), [
  ...eventMigrations,
  ...idempotencyMigrations,
]);
const tokens = await createTestTokens();
const ctx = createPaymentContext(
  db,
  {
    PAYMENT_PROVIDER: 'sandbox',
    SANDBOX_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789',
    SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:1/unused',
    SANDBOX_LATE_ANSWER_MS: 1000,
    PROVIDER_TIMEOUT_MS: 5000,
    STRIPE_API_BASE: 'http://127.0.0.1:1',
    RETURN_WINDOW_DAYS: 14,
    WEB_BASE_URL: '',
  },
  { bankDb },
);
const app = await buildApp({ ctx, auth: tokens.verifier, logLevel: 'warn' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const customer = DEMO_IDS.customer;
const authorization = `Bearer ${await tokens.sign({ id: customer, roles: ['customer'] }, { expiresIn: '1h' })}`;
const tokenised = await fetch(`${base}/payment/tokens`, {
  method: 'POST',
  headers: { authorization, 'content-type': 'application/json' },
  body: JSON.stringify({ card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } }),
});
const { token } = (await tokenised.json()) as { token: string };

const body = () =>
  JSON.stringify({
    orderId: uuidv7(),
    customerId: customer,
    amount: { amount: 1_015_000, currency: 'KZT' },
    method: 'card',
    token,
    splits: [{ sellerId: DEMO_IDS.seller, amount: { amount: 1_000_000, currency: 'KZT' } }],
    deliveryFee: { amount: 15_000, currency: 'KZT' },
  });

const run = (duration: number) =>
  autocannon({
    url: `${base}/payment/intents`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          headers: {
            ...request.headers,
            authorization,
            'content-type': 'application/json',
            'idempotency-key': uuidv7(),
          },
          body: body(),
        }),
      },
    ],
  });

await run(2); // warm-up: JIT, pools, plans
const result = await run(seconds);
const [authorized] = await db<
  { n: number }[]
>`select count(*)::int as n from payment_intents where status = 'authorized'`;
await app.close();
tokens.verifier.close();
await db.end();
await bankDb.end();
await admin.unsafe(`drop database "${name}" with (force)`);
await admin.end();

const summary = {
  date: new Date().toISOString(),
  seconds,
  connections,
  requests: result.requests.total,
  perSecond: Math.round(result.requests.average),
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  authorizedInDb: authorized?.n ?? 0,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    load: loadavg().map((l) => l.toFixed(2)),
  },
};
await writeFile(new URL('../results/payment.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
await writeFile(
  new URL('../results/payment.md', import.meta.url),
  `# Payment authorizations through the sandbox bank

\`node --conditions=sauda-source --import tsx bench/payment/run.ts --seconds ${seconds} --connections ${connections}\`

Each request is \`POST /payment/intents\` over HTTP (JWT check, schema validation) with a new order and
Idempotency-Key and a 4242 card token: one transaction holds the idempotency row, the intent, its split and
the \`payment.payment.authorized.v1\` outbox row, while the sandbox bank records the authorization through its
own pool. ${connections} connections, ${seconds} s after a 2 s warm-up, on a real PostgreSQL.

| measure | value |
|---|---|
| authorizations per second | **${summary.perSecond}** |
| latency p50 | ${summary.p50} ms |
| latency p99 | **${summary.p99} ms** |
| latency max | ${summary.max} ms |
| requests (non-2xx, errors) | ${summary.requests} (${summary.non2xx}, ${summary.errors}) |
| authorized intents in the database | ${summary.authorizedInDb} (includes the warm-up) |

Machine: ${summary.machine.cpus} × ${summary.machine.model}, load ${summary.machine.load.join(' / ')} (the
service, PostgreSQL and the load generator share it). Run on ${summary.date}.
`,
);
console.log(
  `payment bench: ${summary.perSecond} authorizations/s, p99 ${summary.p99} ms, non-2xx ${summary.non2xx}`,
);
