import { DEMO_IDS, DEMO_SITES } from '@sauda/contracts';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import {
  callAs,
  lastEvent,
  newRegistration,
  postJson,
  startTestUsers,
  tokenFor,
  type TestUsers,
} from '../test-app.ts';

describe('admin tools', () => {
  let users: TestUsers;
  let admin: string;
  let support: string;
  beforeAll(async () => {
    users = await startTestUsers();
    await seedDemoAccounts(users.database.sql);
    admin = await tokenFor(users, { id: DEMO_IDS.admin, roles: ['admin'] });
    support = await tokenFor(users, { id: DEMO_IDS.support, roles: ['support'] });
  });
  afterAll(async () => users.close());

  const someone = async () => {
    const body = newRegistration();
    const answer = (await postJson(users.app, '/auth/register', body)).json<{
      accessToken: string;
      refreshToken: string;
      user: { id: string; email: string };
    }>();
    return { body, ...answer };
  };

  it('finds accounts by email, role and status, for admins and support', async () => {
    const { user } = await someone();
    for (const token of [admin, support]) {
      const found = await callAs(users.app, token, 'GET', `/admin/users?q=${encodeURIComponent(user.email)}`);
      expect(found.json()).toMatchObject({ total: 1, items: [{ id: user.id, status: 'active' }] });
    }
    const drivers = await callAs(users.app, admin, 'GET', '/admin/users?role=driver');
    expect(drivers.json()).toMatchObject({ total: 1, items: [{ id: DEMO_IDS.driver }] });
  });

  it('changes roles with an event and an audit entry, and never takes an admin’s own admin role', async () => {
    const { user } = await someone();
    const changed = await callAs(users.app, admin, 'PUT', `/admin/users/${user.id}/roles`, {
      roles: ['customer', 'dispatcher'],
    });
    expect(changed.json()).toMatchObject({ roles: ['customer', 'dispatcher'] });
    expect(await lastEvent(users, 'users.role.changed.v1', { userId: user.id })).toMatchObject({
      roles: ['customer', 'dispatcher'],
      previousRoles: ['customer'],
    });
    const audit = await callAs(
      users.app,
      support,
      'GET',
      `/admin/audit?accountId=${user.id}&action=role_changed`,
    );
    expect(audit.json()).toMatchObject({
      total: 1,
      items: [{ actorId: DEMO_IDS.admin, detail: { to: ['customer', 'dispatcher'] } }],
    });
    const self = await callAs(users.app, admin, 'PUT', `/admin/users/${DEMO_IDS.admin}/roles`, {
      roles: ['support'],
    });
    expect(self.json()).toMatchObject({ code: 'SELF_LOCKOUT' });
  });

  it('blocks: sessions end at once, sign-in says so, and unblocking lets the account back in', async () => {
    const { body, refreshToken, user } = await someone();
    const blocked = await callAs(users.app, admin, 'POST', `/admin/users/${user.id}/block`, {
      reason: 'Fraud reports',
    });
    expect(blocked.statusCode).toBe(204);
    expect(await lastEvent(users, 'users.user.blocked.v1', { userId: user.id })).toMatchObject({
      reason: 'Fraud reports',
    });
    expect((await postJson(users.app, '/auth/refresh', { refreshToken })).statusCode).toBe(401);
    expect(
      (await postJson(users.app, '/auth/login', { email: body.email, password: body.password })).json(),
    ).toMatchObject({ code: 'ACCOUNT_BLOCKED' });
    expect(
      (await callAs(users.app, admin, 'POST', `/admin/users/${user.id}/block`, { reason: 'again' })).json(),
    ).toMatchObject({
      code: 'STATUS_UNCHANGED',
    });
    expect((await callAs(users.app, admin, 'POST', `/admin/users/${user.id}/unblock`)).statusCode).toBe(204);
    expect(await lastEvent(users, 'users.user.unblocked.v1', { userId: user.id })).toBeDefined();
    expect(
      (await postJson(users.app, '/auth/login', { email: body.email, password: body.password })).statusCode,
    ).toBe(200);
    expect(
      (
        await callAs(users.app, admin, 'POST', `/admin/users/${DEMO_IDS.admin}/block`, { reason: 'oops' })
      ).json(),
    ).toMatchObject({
      code: 'SELF_LOCKOUT',
    });
  });

  it('puts staff sites into /me and the access token; a site must fit the role', async () => {
    const login = await postJson(users.app, '/auth/login', {
      email: 'warehouse@demo.sauda.kz',
      password: 'sauda-demo-2026',
    });
    const { accessToken, user } = login.json<{ accessToken: string; user: { depotId: string } }>();
    expect(user.depotId).toBe(DEMO_SITES.depots.almaty);
    expect(decodeJwt(accessToken)).toMatchObject({ depotId: DEMO_SITES.depots.almaty });
    const driver = (
      await postJson(users.app, '/auth/login', { email: 'driver@demo.sauda.kz', password: 'sauda-demo-2026' })
    ).json<{ accessToken: string }>();
    expect(decodeJwt(driver.accessToken)).toMatchObject({
      sortingCentreId: DEMO_SITES.sortingCentres.almaty,
    });

    const moved = await callAs(users.app, admin, 'PUT', `/admin/users/${DEMO_IDS.warehouseman}/staff`, {
      depotId: DEMO_SITES.depots.astana,
      sortingCentreId: null,
    });
    expect(moved.json()).toMatchObject({ depotId: DEMO_SITES.depots.astana });
    expect(
      await lastEvent(users, 'users.staff.assigned.v1', { userId: DEMO_IDS.warehouseman }),
    ).toMatchObject({
      depotId: DEMO_SITES.depots.astana,
      sortingCentreId: null,
    });
    const wrong = await callAs(users.app, admin, 'PUT', `/admin/users/${DEMO_IDS.customer}/staff`, {
      depotId: DEMO_SITES.depots.astana,
      sortingCentreId: null,
    });
    expect(wrong.json()).toMatchObject({ code: 'SITE_ROLE_MISMATCH' });
  });

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    const { body, user } = await someone();
    await postJson(users.app, '/auth/login', { email: body.email, password: 'wrong-Pass-123' });
    await postJson(users.app, '/auth/login', { email: body.email, password: body.password });
    const audit = await callAs(users.app, admin, 'GET', `/admin/audit?accountId=${user.id}`);
    const actions = audit.json<{ items: Array<{ action: string }> }>().items.map((e) => e.action);
    expect(actions).toEqual(['login_succeeded', 'login_failed', 'registered']);
  });
});
