/**
 * Security suites against the whole running system, through the gateway: the authorization matrix generated
 * from the merged OpenAPI document, and schema-driven bad requests. Short form here (SECURITY_FUZZ_RUNS per
 * operation, default 4); the long form sets SECURITY_FUZZ_RUNS=80 (over 10,000 requests).
 */
import { readFileSync } from 'node:fs';
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
  const runs = Number(process.env['SECURITY_FUZZ_RUNS'] ?? 4);

  it('answers every bad request with a 4xx problem, never a 5xx, a crash or a leak', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operationsOf(doc)) {
      if (!safeToSendAllowed(operation)) continue;
      const caller = callers.find((c) => c !== ANONYMOUS && isAllowed(operation.access, c)) ?? ANONYMOUS;
      const samples = fc.sample(badRequestFor(operation), { numRuns: runs, seed: 2026 + sent });
      for (const request of samples) {
        sent++;
        const answer = await send(caller, request);
        const label = `${request.method} ${request.url.slice(0, 120)} as ${caller.name}`;
        if (answer.status >= 500) failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
        const leak = leaks(answer.text);
        if (leak) failures.push(`${label}: the answer shows ${leak}`);
        if (answer.status >= 400 && !answer.type.startsWith('application/problem+json'))
          failures.push(`${label}: ${answer.status} answered as ${answer.type}`);
      }
    }
    expect(sent).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});
