import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (body: unknown, headers: Record<string, string>) => { status: number; body?: unknown };

/** A JWT-shaped token (unsigned: the client only reads exp and iat). */
function jwt(name: string, lifetimeSeconds = 900): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = btoa(JSON.stringify({ sub: name, iat: now, exp: now + lifetimeSeconds }));
  return `e30.${payload.replace(/=+$/, '')}.sig`;
}

const user = { id: 'u1', email: 'dana@example.kz', name: 'Dana', roles: ['customer'] };
let routes: Record<string, Handler>;
let calls: { path: string; auth: string | undefined; body: unknown }[];
let storage: Map<string, string>;

async function loadClient() {
  vi.resetModules();
  return import('./client.ts');
}

beforeEach(() => {
  // The silent-refresh timer must not fire after a test; Date stays real for token lifetimes.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  calls = [];
  storage = new Map();
  routes = {};
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  });
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const path = url.replace(/^\/api/, '');
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body: unknown = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ path, auth: headers.Authorization, body });
    const handler = routes[`${init.method} ${path}`];
    const answer = handler ? handler(body, headers) : { status: 404, body: { code: 'NOT_FOUND' } };
    const json = answer.body === undefined ? null : JSON.stringify(answer.body);
    const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(new Response(json, { status: answer.status, headers: { 'Content-Type': type } }));
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the API client', () => {
  it('keeps the refresh token in localStorage and the access token only in memory after login', async () => {
    const client = await loadClient();
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: jwt('a1'), refreshToken: 'r1', user },
    });
    await expect(client.login('dana@example.kz', 'steppe-horse-42')).resolves.toEqual(user);
    expect([...storage.entries()]).toEqual([['sauda.refreshToken', 'r1']]);
  });

  it('retries a request that answers 401 once, with a refreshed token', async () => {
    const client = await loadClient();
    const first = jwt('a1');
    const second = jwt('a2');
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: first, refreshToken: 'r1', user },
    });
    routes['POST /auth/refresh'] = (body) => {
      expect(body).toEqual({ refreshToken: 'r1' });
      return { status: 200, body: { accessToken: second, refreshToken: 'r2', user } };
    };
    routes['GET /me'] = (_, headers) =>
      headers.Authorization === `Bearer ${second}` ? { status: 200, body: user } : { status: 401 };

    await client.login('dana@example.kz', 'steppe-horse-42');
    await expect(client.api.get('/me')).resolves.toEqual(user);
    expect(calls.map((call) => call.path)).toEqual(['/auth/login', '/me', '/auth/refresh', '/me']);
    expect(storage.get('sauda.refreshToken')).toBe('r2');
  });

  it('shares one refresh among requests that fail at the same time', async () => {
    const client = await loadClient();
    const fresh = jwt('a2');
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: jwt('a1'), refreshToken: 'r1', user },
    });
    routes['POST /auth/refresh'] = () => ({
      status: 200,
      body: { accessToken: fresh, refreshToken: 'r2', user },
    });
    routes['GET /orders'] = (_, headers) =>
      headers.Authorization === `Bearer ${fresh}` ? { status: 200, body: [] } : { status: 401 };

    await client.login('dana@example.kz', 'steppe-horse-42');
    await Promise.all([client.api.get('/orders'), client.api.get('/orders'), client.api.get('/orders')]);
    expect(calls.filter((call) => call.path === '/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and the 401 reaches the caller', async () => {
    const client = await loadClient();
    const { session } = await import('./session.ts');
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: jwt('a1'), refreshToken: 'r1', user },
    });
    routes['POST /auth/refresh'] = () => ({ status: 401, body: { code: 'INVALID_REFRESH_TOKEN' } });
    routes['GET /me'] = () => ({ status: 401, body: { code: 'UNAUTHORIZED' } });

    await client.login('dana@example.kz', 'steppe-horse-42');
    await expect(client.api.get('/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(session.getSnapshot()).toEqual({ status: 'signedOut', user: null });
    expect(storage.has('sauda.refreshToken')).toBe(false);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const client = await loadClient();
    const fresh = jwt('a2');
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: jwt('a1', 3), refreshToken: 'r1', user },
    });
    routes['POST /auth/refresh'] = () => ({
      status: 200,
      body: { accessToken: fresh, refreshToken: 'r2', user },
    });
    routes['GET /me'] = () => ({ status: 200, body: user });

    await client.login('dana@example.kz', 'steppe-horse-42');
    await client.api.get('/me');
    expect(calls.map((call) => [call.path, call.auth])).toEqual([
      ['/auth/login', undefined],
      ['/auth/refresh', undefined],
      ['/me', `Bearer ${fresh}`],
    ]);
  });

  it('logs out at once locally and revokes the refresh token on the server', async () => {
    const client = await loadClient();
    const { session } = await import('./session.ts');
    routes['POST /auth/login'] = () => ({
      status: 200,
      body: { accessToken: jwt('a1'), refreshToken: 'r1', user },
    });
    routes['POST /auth/logout'] = () => ({ status: 204 });

    await client.login('dana@example.kz', 'steppe-horse-42');
    await client.logout();
    expect(calls.at(-1)).toMatchObject({ path: '/auth/logout', body: { refreshToken: 'r1' } });
    expect(session.getSnapshot().status).toBe('signedOut');
    expect(storage.size).toBe(0);
  });

  it('turns a problem+json answer into an ApiError with its code and field errors', async () => {
    const client = await loadClient();
    routes['POST /auth/register'] = () => ({
      status: 400,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 400,
        detail: 'The request is invalid',
        code: 'VALIDATION_FAILED',
        errors: [{ path: '/email', message: 'must match format "email"' }],
      },
    });
    const failure = client.register({ email: 'x', password: 'p', name: 'n' });
    await expect(failure).rejects.toBeInstanceOf(client.ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: '/email', message: 'must match format "email"' }],
    });
  });

  it('reports a network failure as NETWORK_ERROR with status 0', async () => {
    const client = await loadClient();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.api.get('/products')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});
