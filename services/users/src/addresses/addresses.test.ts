import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

const ALMATY = {
  recipient: 'Dana Customer',
  phone: '+77011234567',
  country: 'KZ',
  city: 'almaty',
  street: 'Abay Ave 10, apt 5',
  postalCode: '050000',
  lat: 43.238,
  lng: 76.889,
};

describe('my addresses', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const newAccount = async () =>
    (await postJson(users.app, '/auth/register', newRegistration())).json<{ accessToken: string }>()
      .accessToken;
  const list = async (token: string) =>
    (await callAs(users.app, token, 'GET', '/me/addresses')).json<
      Array<{ id: string; isDefault: boolean }>
    >();

  it('adds a Kazakh address with the list’s city spelling; the first one is the default', async () => {
    const token = await newAccount();
    const added = await callAs(users.app, token, 'POST', '/me/addresses', ALMATY);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ city: 'Almaty', isDefault: true, lat: 43.238, lng: 76.889 });
  });

  it.each([
    [{ city: 'Gotham' }, 'city'],
    [{ postalCode: '50000' }, 'postalCode'],
    [{ lat: 48.85, lng: 2.35 }, 'coordinates'],
  ])('refuses %j with INVALID_ADDRESS on %s', async (change, field) => {
    const token = await newAccount();
    const response = await callAs(users.app, token, 'POST', '/me/addresses', { ...ALMATY, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_ADDRESS', field });
  });

  it('keeps exactly one default, even when two are chosen at once', async () => {
    const token = await newAccount();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await callAs(users.app, token, 'POST', '/me/addresses', ALMATY)).json<{ id: string }>().id);
    }
    await Promise.all(ids.map((id) => callAs(users.app, token, 'POST', `/me/addresses/${id}/default`)));
    expect((await list(token)).filter((a) => a.isDefault)).toHaveLength(1);
    await callAs(users.app, token, 'POST', `/me/addresses/${ids[2]}/default`);
    expect((await list(token))[0]).toMatchObject({ id: ids[2], isDefault: true });
  });

  it('hands the default to another address when the default is deleted', async () => {
    const token = await newAccount();
    const first = (await callAs(users.app, token, 'POST', '/me/addresses', ALMATY)).json<{ id: string }>();
    await callAs(users.app, token, 'POST', '/me/addresses', {
      ...ALMATY,
      city: 'Astana',
      postalCode: '010000',
      lat: 51.16,
      lng: 71.47,
    });
    expect((await callAs(users.app, token, 'DELETE', `/me/addresses/${first.id}`)).statusCode).toBe(204);
    expect(await list(token)).toEqual([expect.objectContaining({ isDefault: true })]);
  });

  it('edits an address and never lets another account touch it', async () => {
    const owner = await newAccount();
    const stranger = await newAccount();
    const { id } = (await callAs(users.app, owner, 'POST', '/me/addresses', ALMATY)).json<{ id: string }>();
    const edited = await callAs(users.app, owner, 'PUT', `/me/addresses/${id}`, {
      ...ALMATY,
      street: 'Dostyk 1',
    });
    expect(edited.json()).toMatchObject({ street: 'Dostyk 1', isDefault: true });
    for (const [method, url] of [
      ['PUT', `/me/addresses/${id}`],
      ['DELETE', `/me/addresses/${id}`],
      ['POST', `/me/addresses/${id}/default`],
    ] as const) {
      const response = await callAs(users.app, stranger, method, url, method === 'PUT' ? ALMATY : undefined);
      expect(response.json()).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    }
    expect(await list(stranger)).toEqual([]);
  });
});
