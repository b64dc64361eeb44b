/**
 * The process as it runs in production (main.ts, demo seed, trace-level logs) takes every sandbox test
 * card through tokenisation, payment, webhooks, capture and refund; afterwards no card number may appear
 * in any table of its database, of its event bus, or in anything it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestTokens, type TestDatabase } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARDS } from '../providers/sandbox-scenarios.ts';
import { findCardNumbers } from './card-scan.ts';

let db: TestDatabase;
let bus: TestDatabase;
let child: ChildProcess;
let output = '';
let base = '';
let jwks: ReturnType<typeof createServer>;
let tokens: Awaited<ReturnType<typeof createTestTokens>>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  db = await createTestDatabase('paymentscan');
  bus = await createTestDatabase('paymentbus');
  tokens = await createTestTokens();
  jwks = createServer((_q, r) =>
    r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tokens.jwks)),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  child = spawn(
    process.execPath,
    ['--conditions=sauda-source', '--import', 'tsx', 'services/payment/src/main.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        BUS_DATABASE_URL: bus.url,
        EVENT_TRANSPORT: 'pg',
        SAUDA_MODE: 'embedded',
        DEMO_SEED: 'true',
        LOG_LEVEL: 'trace',
        USERS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`,
        SANDBOX_LATE_ANSWER_MS: '50',
        PROVIDER_TIMEOUT_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${base}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    if (child.exitCode !== null) throw new Error(`payment exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`payment did not become ready:\n${output}`);
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await new Promise((resolve) => jwks.close(resolve));
  tokens.verifier.close();
  await db.drop();
  await bus.drop();
});

async function call(
  method: string,
  path: string,
  who: { id: string; role: 'customer' | 'admin' },
  body?: unknown,
) {
  const token = await tokens.sign({ id: who.id, roles: [who.role] });
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': `scan-${uuidv7()}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

async function scanDatabase(target: TestDatabase): Promise<string[]> {
  const tables = await target.sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`;
  const hits: string[] = [];
  for (const table of tables) {
    const rows = await target.sql.unsafe<{ row: string }[]>(
      `select t::text as row from "${table.schema}"."${table.name}" t`,
    );
    for (const { row } of rows)
      for (const hit of findCardNumbers(row)) hits.push(`${table.schema}.${table.name}: ${hit}`);
  }
  return hits;
}

describe('no card number at rest', () => {
  it('leaves no card number in any table or log line after every test card went through', async () => {
    const admin = { id: uuidv7(), role: 'admin' as const };
    for (const number of [...Object.keys(SANDBOX_TEST_CARDS), '4242424242424241']) {
      const customer = { id: uuidv7(), role: 'customer' as const };
      const grouped = number.replace(/(\d{4})(?=\d)/g, '$1 ');
      const cvc = number.startsWith('3') ? '1234' : '123';
      const tokenised = await call('POST', '/payment/tokens', customer, {
        card: { number: grouped, expMonth: 12, expYear: 2031, cvc },
      });
      // A malformed request carrying the number must not leak it through validation errors either.
      await call('POST', '/payment/tokens', customer, {
        card: { number, expMonth: 13, expYear: 2031, cvc },
        note: number,
      });
      if (tokenised.status !== 201) continue;
      const created = await call('POST', '/payment/intents', customer, {
        orderId: uuidv7(),
        customerId: customer.id,
        amount: { amount: 101_500, currency: 'KZT' },
        method: 'card',
        token: tokenised.body.token,
        splits: [{ sellerId: uuidv7(), amount: { amount: 100_000, currency: 'KZT' } }],
        deliveryFee: { amount: 1_500, currency: 'KZT' },
      });
      const intent = created.body.intent as { id: string; status: string } | undefined;
      if (intent?.status === 'authorized') {
        await call('POST', `/payment/intents/${intent.id}/capture`, admin, {});
        await call('POST', `/payment/intents/${intent.id}/refunds`, admin, { amount: 500 });
      }
    }
    // Let the late answer's webhook and the outbox relay run, then stop the process so every line is flushed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));

    expect(output).toContain('request completed');
    expect(output).toMatch(/payment\.payment\.authorized\.v1|demo payments seeded/);
    expect(findCardNumbers(output)).toEqual([]);
    expect(await scanDatabase(db)).toEqual([]);
    expect(await scanDatabase(bus)).toEqual([]);
    const [tokensKept] = await db.sql<{ n: number }[]>`select count(*)::int as n from card_tokens`;
    expect(tokensKept?.n).toBeGreaterThan(5);
  });
});
