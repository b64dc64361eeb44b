import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersErrors } from './errors.ts';
import { startTestUsers, type TestUsers } from './test-app.ts';

describe('the error catalogue', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  it('documents every code of errors.ts (and RATE_LIMITED) in the OpenAPI document', async () => {
    const doc = (await users.app.inject({ url: '/openapi.json' })).json<{
      'x-error-codes': Array<{ name: string; description: string }>;
    }>();
    const documented = new Map(doc['x-error-codes'].map((entry) => [entry.name, entry.description]));
    for (const spec of usersErrors) {
      expect(documented.get(spec.code)).toBe(`${spec.status} ${spec.title}`);
    }
    expect(documented.has('RATE_LIMITED')).toBe(true);
  });

  it('documents who may call each route and whose data it touches', async () => {
    const doc = (await users.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access': string; 'x-owns': string }>>;
    }>();
    expect(doc.paths['/me']?.get?.['x-access']).toBe('authenticated');
    expect(doc.paths['/me']?.get?.['x-owns']).toBe("the caller's own account");
    for (const path of ['/auth/register', '/auth/login', '/auth/refresh', '/auth/logout']) {
      expect(doc.paths[path]?.post?.['x-access']).toBe('public');
    }
  });
});
