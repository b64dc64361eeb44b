import { DEMO_IDS, type AccountRole, type Role } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import { callAs, startTestUsers, tokenFor, type TestUsers } from '../test-app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Caller = AccountRole | 'anonymous';
type Rule = 'public' | 'authenticated' | readonly Role[];

const NOBODY = '01940000-0000-7000-8000-00000000fff1';
const STAFF_READ: readonly Role[] = ['admin', 'support'];
const ADMIN: readonly Role[] = ['admin'];

/** Every route of the service, with who may call it (the OpenAPI check below keeps the table complete). */
const ROUTES: Array<[Method, string, Rule]> = [
  ['POST', '/auth/register', 'public'],
  ['POST', '/auth/login', 'public'],
  ['POST', '/auth/login/two-factor', 'public'],
  ['POST', '/auth/refresh', 'public'],
  ['POST', '/auth/logout', 'public'],
  ['POST', '/auth/service-token', 'public'],
  ['POST', '/auth/forgot-password', 'public'],
  ['POST', '/auth/reset-password', 'public'],
  ['POST', '/auth/verify-email', 'public'],
  ['GET', '/.well-known/jwks.json', 'public'],
  ['GET', '/.well-known/revoked-sessions.json', 'public'],
  ['GET', `/sellers/${NOBODY}`, 'public'],
  ['GET', '/me', 'authenticated'],
  ['PATCH', '/me', 'authenticated'],
  ['POST', '/me/password', 'authenticated'],
  ['POST', '/me/email-verification', 'authenticated'],
  ['GET', '/me/sessions', 'authenticated'],
  ['DELETE', `/me/sessions/${NOBODY}`, 'authenticated'],
  ['POST', '/me/sessions/sign-out-everywhere', 'authenticated'],
  ['POST', '/me/two-factor/setup', 'authenticated'],
  ['POST', '/me/two-factor/enable', 'authenticated'],
  ['POST', '/me/two-factor/disable', 'authenticated'],
  ['GET', '/me/addresses', 'authenticated'],
  ['POST', '/me/addresses', 'authenticated'],
  ['PUT', `/me/addresses/${NOBODY}`, 'authenticated'],
  ['POST', `/me/addresses/${NOBODY}/default`, 'authenticated'],
  ['DELETE', `/me/addresses/${NOBODY}`, 'authenticated'],
  ['GET', '/me/payment-methods', 'authenticated'],
  ['POST', '/me/payment-methods', 'authenticated'],
  ['POST', `/me/payment-methods/${NOBODY}/default`, 'authenticated'],
  ['DELETE', `/me/payment-methods/${NOBODY}`, 'authenticated'],
  ['GET', '/me/seller-application', 'authenticated'],
  ['POST', '/me/seller-application', 'authenticated'],
  ['GET', '/admin/users', STAFF_READ],
  ['GET', `/admin/users/${NOBODY}`, STAFF_READ],
  ['PUT', `/admin/users/${NOBODY}/roles`, ADMIN],
  ['POST', `/admin/users/${NOBODY}/block`, ADMIN],
  ['POST', `/admin/users/${NOBODY}/unblock`, ADMIN],
  ['PUT', `/admin/users/${NOBODY}/staff`, ADMIN],
  ['GET', '/admin/seller-applications', STAFF_READ],
  ['POST', `/admin/seller-applications/${NOBODY}/approve`, ADMIN],
  ['POST', `/admin/seller-applications/${NOBODY}/reject`, ADMIN],
  ['GET', '/admin/audit', STAFF_READ],
  ['GET', '/admin/mailbox', STAFF_READ],
];

const CALLERS: Caller[] = [
  'anonymous',
  'customer',
  'seller',
  'admin',
  'warehouseman',
  'driver',
  'dispatcher',
  'support',
];

const ACCOUNT_OF: Record<AccountRole, string> = {
  customer: DEMO_IDS.customer,
  seller: DEMO_IDS.seller,
  admin: DEMO_IDS.admin,
  warehouseman: DEMO_IDS.warehouseman,
  driver: DEMO_IDS.driver,
  dispatcher: DEMO_IDS.dispatcher,
  support: DEMO_IDS.support,
};

function allowed(rule: Rule, caller: Caller): boolean {
  if (rule === 'public') return true;
  if (caller === 'anonymous') return false;
  return rule === 'authenticated' || rule.includes(caller);
}

// Bodies are left out on purpose: an allowed caller then meets validation (400) or a missing id (404),
// so no state changes, while a refused caller is stopped before the body is even read.
const CASES = ROUTES.flatMap(([method, url, rule]) =>
  CALLERS.map((caller) => [method, url, caller, allowed(rule, caller)] as const),
);

describe('who may call each route', () => {
  let users: TestUsers;
  const tokens = new Map<Caller, string | undefined>();
  beforeAll(async () => {
    users = await startTestUsers();
    await seedDemoAccounts(users.database.sql);
    tokens.set('anonymous', undefined);
    for (const role of Object.keys(ACCOUNT_OF) as AccountRole[]) {
      tokens.set(role, await tokenFor(users, { id: ACCOUNT_OF[role], roles: [role] }));
    }
  });
  afterAll(async () => users.close());

  it.each(CASES)('%s %s as %s → allowed: %s', async (method, url, caller, isAllowed) => {
    const response = await callAs(users.app, tokens.get(caller), method, url);
    const code = response.statusCode === 204 ? undefined : response.json<{ code?: string }>().code;
    if (isAllowed) {
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
      expect(response.statusCode).toBeLessThan(500);
    } else {
      expect(response.statusCode).toBe(caller === 'anonymous' ? 401 : 403);
      expect(code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });

  it('lists every route of the OpenAPI document in the table, with the same rule', async () => {
    const doc = (await users.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access': string }>>;
    }>();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op['x-access']}`),
    );
    const tabled = ROUTES.map(([method, url, rule]) => {
      const path = url.replaceAll(NOBODY, '{id}');
      return `${method} ${path} ${typeof rule === 'string' ? rule : rule.join(', ')}`;
    });
    expect(tabled.sort()).toEqual(documented.sort());
  });
});
