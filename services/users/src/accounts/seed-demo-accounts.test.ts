import { DEMO_IDS, DEMO_PASSWORD } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestUsers, type TestUsers } from '../test-app.ts';
import { seedDemoAccounts } from './seed-demo-accounts.ts';

describe('the demo seed', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  it('creates one account per role with the fixed ids, once, however often it runs', async () => {
    const first = await seedDemoAccounts(users.database.sql);
    const second = await seedDemoAccounts(users.database.sql);
    expect(first.created).toHaveLength(7);
    expect(second.created).toEqual([]);
    const rows = await users.database.sql<{ id: string; email: string; roles: string[] }[]>`
      select id, email, roles from accounts order by email`;
    expect(rows).toEqual([
      { id: DEMO_IDS.admin, email: 'admin@demo.sauda.kz', roles: ['admin'] },
      { id: DEMO_IDS.customer, email: 'customer@demo.sauda.kz', roles: ['customer'] },
      { id: DEMO_IDS.dispatcher, email: 'dispatcher@demo.sauda.kz', roles: ['dispatcher'] },
      { id: DEMO_IDS.driver, email: 'driver@demo.sauda.kz', roles: ['driver'] },
      { id: DEMO_IDS.seller, email: 'seller@demo.sauda.kz', roles: ['seller', 'customer'] },
      { id: DEMO_IDS.support, email: 'support@demo.sauda.kz', roles: ['support'] },
      { id: DEMO_IDS.warehouseman, email: 'warehouse@demo.sauda.kz', roles: ['warehouseman'] },
    ]);
    const [events] = await users.database.sql<{ n: number }[]>`
      select count(*)::int as n from outbox where type = 'users.user.registered.v1'`;
    expect(events?.n).toBe(7);
  });

  it('lets every demo account sign in with the demo password', async () => {
    const login = await postJson(users.app, '/auth/login', {
      email: 'seller@demo.sauda.kz',
      password: DEMO_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { id: DEMO_IDS.seller, roles: ['seller', 'customer'] } });
  });

  it('makes the demo ids look like UUIDv7 so every schema accepts them', () => {
    for (const id of Object.values(DEMO_IDS)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
