import { DEMO_IDS } from '@sauda/contracts';
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

const APPLICATION = {
  shopName: 'Steppe Crafts',
  legalName: 'IP Nurlanova A.',
  bin: '000740001307',
  iban: 'KZ86 125K ZT50 0410 0100',
  contactEmail: 'shop@example.kz',
  contactPhone: '+77011234567',
};

describe('becoming a seller', () => {
  let users: TestUsers;
  let admin: string;
  beforeAll(async () => {
    users = await startTestUsers();
    await seedDemoAccounts(users.database.sql);
    admin = await tokenFor(users, { id: DEMO_IDS.admin, roles: ['admin'] });
  });
  afterAll(async () => users.close());

  const applicant = async () => {
    const answer = (await postJson(users.app, '/auth/register', newRegistration())).json<{
      accessToken: string;
      refreshToken: string;
      user: { id: string };
    }>();
    return answer;
  };
  const apply = (token: string, body: object = APPLICATION) =>
    callAs(users.app, token, 'POST', '/me/seller-application', body);

  it.each([
    [{ bin: '000740001308' }, 'bin'],
    [{ iban: 'KZ87125KZT5004100100' }, 'iban'],
  ])('refuses %j with INVALID_APPLICATION on %s', async (change, field) => {
    const { accessToken } = await applicant();
    const response = await apply(accessToken, { ...APPLICATION, ...change });
    expect(response.json()).toMatchObject({ code: 'INVALID_APPLICATION', field });
  });

  it('files one pending application at a time', async () => {
    const { accessToken } = await applicant();
    const filed = await apply(accessToken);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'pending', iban: 'KZ86125KZT5004100100', reason: null });
    expect((await apply(accessToken)).json()).toMatchObject({ code: 'APPLICATION_EXISTS' });
    const mine = await callAs(users.app, accessToken, 'GET', '/me/seller-application');
    expect(mine.json()).toMatchObject({ status: 'pending', shopName: 'Steppe Crafts' });
  });

  it('on approval gives the seller role (in the next token too), a shop and the events', async () => {
    const { accessToken, refreshToken, user } = await applicant();
    const { id } = (await apply(accessToken)).json<{ id: string }>();
    const listed = await callAs(users.app, admin, 'GET', '/admin/seller-applications?status=pending');
    expect(listed.json<{ items: Array<{ id: string }> }>().items.map((a) => a.id)).toContain(id);

    const approved = await callAs(users.app, admin, 'POST', `/admin/seller-applications/${id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(
      (await callAs(users.app, admin, 'POST', `/admin/seller-applications/${id}/approve`)).json(),
    ).toMatchObject({
      code: 'APPLICATION_DECIDED',
    });
    expect(await lastEvent(users, 'users.seller.approved.v1', { sellerId: user.id })).toMatchObject({
      shopName: 'Steppe Crafts',
    });
    expect(await lastEvent(users, 'users.role.changed.v1', { userId: user.id })).toMatchObject({
      roles: ['customer', 'seller'],
      previousRoles: ['customer'],
    });
    const refreshed = (await postJson(users.app, '/auth/refresh', { refreshToken })).json<{
      user: { roles: string[] };
    }>();
    expect(refreshed.user.roles).toEqual(['customer', 'seller']);
    expect((await users.app.inject({ url: `/sellers/${user.id}` })).json()).toEqual({
      id: user.id,
      name: 'Steppe Crafts',
      productCount: 0,
    });
    expect((await apply(accessToken)).json()).toMatchObject({ code: 'APPLICATION_EXISTS' });
  });

  it('on rejection tells the reason, and the customer may apply again', async () => {
    const { accessToken, user } = await applicant();
    const { id } = (await apply(accessToken)).json<{ id: string }>();
    const rejected = await callAs(users.app, admin, 'POST', `/admin/seller-applications/${id}/reject`, {
      reason: 'The IBAN belongs to another company',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      reason: 'The IBAN belongs to another company',
    });
    expect((await callAs(users.app, accessToken, 'GET', '/me/seller-application')).json()).toMatchObject({
      status: 'rejected',
    });
    expect(
      await lastEvent(users, 'users.notification.requested.v1', {
        accountId: user.id,
        template: 'seller_rejected',
      }),
    ).toBeDefined();
    expect((await apply(accessToken)).statusCode).toBe(201);
  });

  it('approves exactly once when two admins click at the same time', async () => {
    const { accessToken, user } = await applicant();
    const { id } = (await apply(accessToken)).json<{ id: string }>();
    const results = await Promise.all([
      callAs(users.app, admin, 'POST', `/admin/seller-applications/${id}/approve`),
      callAs(users.app, admin, 'POST', `/admin/seller-applications/${id}/approve`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await users.database.sql<{ n: number }[]>`
      select count(*)::int as n from outbox where type = 'users.seller.approved.v1' and payload->>'sellerId' = ${user.id}`;
    expect(row?.n).toBe(1);
  });
});
