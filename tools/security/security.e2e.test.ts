/**
 * Security suites against the whole running system, through the gateway: the authorization matrix generated
 * from the merged OpenAPI document, and schema-driven bad requests. Short form here (4 per operation); the
 * long form sets SECURITY_FUZZ_RUNS=10000 (that many bad requests at least, spread over every operation) and
 * SECURITY_FUZZ_REPORT=<file.json> for the figures (bench/results/security.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, type Role } from '@sauda/contracts';
import type {} from '../../apps/web/e2e/global-setup.ts';
import { badRequestFor, leaks } from './bad-requests.ts';
import {
  ANONYMOUS,
  buildMatrix,
  concretePath,
  deniedStatuses,
  isAllowed,
  operationsOf,
  safeToSendAllowed,
  type Caller,
} from './authorization-matrix.ts';

const doc = JSON.parse(
  readFileSync(new URL('../../contracts/openapi/sauda.json', import.meta.url), 'utf8'),
) as {
  paths: Record<string, Record<string, unknown>>;
};
const ACCOUNTS = ['customer', 'seller', 'admin', 'warehouse', 'driver', 'dispatcher', 'support'].map(
  (name) => `${name}@demo.sauda.kz`,
);
const NOBODYS_ID = '01990000-0000-7000-8000-00000000dead';
const callers: Caller[] = [ANONYMOUS];
const tokens = new Map<Caller, string>();
let baseUrl = '';

async function send(
  caller: Caller,
  request: { method: string; url: string; body?: string; contentType?: string },
): Promise<{ status: number; text: string; type: string }> {
  const headers: Record<string, string> = {};
  const token = tokens.get(caller);
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
  const response = await fetch(baseUrl + request.url, {
    method: request.method,
    headers,
    body: request.body,
  });
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  for (const email of ACCOUNTS) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status, `login ${email}`).toBe(200);
    const { accessToken, user } = (await response.json()) as { accessToken: string; user: { roles: Role[] } };
    const caller = { name: email, roles: user.roles };
    callers.push(caller);
    tokens.set(caller, accessToken);
  }
});

describe('authorization matrix (every operation × every role, from the OpenAPI documents)', () => {
  it('denies every caller a route does not declare, before anything runs, and never 5xx for the others', async () => {
    const failures: string[] = [];
    const cases = buildMatrix(doc, callers);
    expect(cases.length).toBeGreaterThan(100 * 8);
    for (const { operation, caller, allowed } of cases) {
      if (allowed && !safeToSendAllowed(operation)) continue;
      const url = concretePath(operation.path, NOBODYS_ID);
      const answer = await send(caller, {
        method: operation.method,
        url,
        ...(operation.method === 'GET' ? {} : { body: '{}' }),
      });
      const label = `${operation.method} ${operation.path} as ${caller.name} (declared: ${operation.access})`;
      if (!allowed && !deniedStatuses(caller).includes(answer.status))
        failures.push(`${label}: expected ${deniedStatuses(caller).join('/')}, got ${answer.status}`);
      if (allowed && answer.status === 401) failures.push(`${label}: allowed but answered 401`);
      if (answer.status >= 500) failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('bad requests (schema-driven fuzzing of every operation)', () => {
  const total = Number(process.env['SECURITY_FUZZ_RUNS'] ?? 0);
  const reportFile = process.env['SECURITY_FUZZ_REPORT'];

  it(
    'answers every bad request with a 4xx problem, never a 5xx, a crash or a leak',
    async () => {
      const since = performance.now();
      const pidsBefore = servicePids();
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const perOperation: { operation: string; caller: string; sent: number }[] = [];
      let sent = 0;
      let serverErrors = 0;
      let leaked = 0;
      // An allowed caller where sending cannot change anything; otherwise a caller the route denies, whose
      // requests must be refused before they are even parsed — so every operation is fuzzed either way.
      const plan = operationsOf(doc).flatMap((operation) => {
        if (safeToSendAllowed(operation)) {
          const caller = callers.find((c) => c !== ANONYMOUS && isAllowed(operation.access, c)) ?? ANONYMOUS;
          return [{ operation, caller }];
        }
        const denied = callers.find((c) => !isAllowed(operation.access, c));
        return denied ? [{ operation, caller: denied }] : [];
      });
      const runs = total > 0 ? Math.ceil(total / plan.length) : 4;
      for (const { operation, caller } of plan) {
        const samples = fc.sample(badRequestFor(operation), { numRuns: runs, seed: 2026 + sent });
        for (const request of samples) {
          sent++;
          const answer = await send(caller, request);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const label = `${request.method} ${request.url.slice(0, 120)} as ${caller.name}`;
          if (answer.status >= 500) {
            serverErrors++;
            failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
          }
          const leak = leaks(answer.text);
          if (leak) {
            leaked++;
            failures.push(`${label}: the answer shows ${leak}`);
          }
          if (answer.status >= 400 && !answer.type.startsWith('application/problem+json'))
            failures.push(`${label}: ${answer.status} answered as ${answer.type}`);
        }
        perOperation.push({
          operation: `${operation.method} ${operation.path}`,
          caller: caller.name,
          sent: runs,
        });
      }
      const health = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.json() as Promise<{ status: string }>,
      );
      const pidsAfter = servicePids();
      const restarted = Object.keys(pidsBefore).filter((name) => pidsAfter[name] !== pidsBefore[name]);
      const summary = {
        operations: plan.length,
        requestsPerOperation: runs,
        requests: sent,
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        serverErrors,
        leaks: leaked,
        failures: failures.length,
        restartedServices: restarted,
        healthAfter: health.status,
        seconds: Math.round((performance.now() - since) / 1000),
      };
      console.log(`bad requests: ${JSON.stringify(summary)}`);
      if (reportFile)
        writeFileSync(
          reportFile,
          JSON.stringify({ ...summary, failureSamples: failures.slice(0, 50), perOperation }, null, 2),
        );
      expect(sent).toBeGreaterThanOrEqual(Math.max(total, 50));
      expect(restarted).toEqual([]);
      expect(failures.slice(0, 50)).toEqual([]);
    },
    // The long form takes minutes on a loaded machine: allow 100 ms per request on top of the default.
    120_000 + total * 100,
  );
});

/** Process ids of the running services (from the runner's state), to tell a crash and restart apart. */
function servicePids(): Record<string, number> {
  const dataDir = inject('dataDir');
  if (!dataDir) return {};
  try {
    const runner = JSON.parse(readFileSync(join(dataDir, 'runner.json'), 'utf8')) as {
      children: Record<string, { pid: number }>;
    };
    return Object.fromEntries(Object.entries(runner.children).map(([name, child]) => [name, child.pid]));
  } catch {
    return {};
  }
}
