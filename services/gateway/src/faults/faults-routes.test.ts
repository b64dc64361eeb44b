import type { Role } from '@sauda/contracts';
import type { App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

const NONE = { failPercent: 0, latencyMs: 0, unreachable: false };

async function gatewayWith(tokens: TestTokens, faults: boolean) {
  return buildApp({
    config: readConfig({ LOG_LEVEL: 'silent' }),
    // Nothing listens there: the fault routes never call the services.
    upstreams: { shop: 'http://127.0.0.1:9', stock: 'http://127.0.0.1:9' },
    verifier: tokens.verifier,
    faults,
  });
}

describe('fault flags on the gateway', () => {
  let tokens: TestTokens;
  let gateway: { app: App; close: () => Promise<void> };
  let admin: Record<string, string>;

  beforeAll(async () => {
    tokens = await createTestTokens();
    gateway = await gatewayWith(tokens, true);
    admin = { authorization: `Bearer ${await tokens.sign({ id: 'admin-1', roles: ['admin'] })}` };
  });
  afterAll(async () => {
    await gateway.app.close();
    await gateway.close();
  });

  it('are read and set by admins only', async () => {
    const { app } = gateway;
    expect((await app.inject({ method: 'GET', url: '/api/admin/faults' })).statusCode).toBe(401);
    for (const roles of [['customer'], ['support'], ['seller']]) {
      const headers = {
        authorization: `Bearer ${await tokens.sign({ id: 'someone', roles: roles as Role[] })}`,
      };
      expect((await app.inject({ method: 'GET', url: '/api/admin/faults', headers })).statusCode).toBe(403);
      const put = await app.inject({
        method: 'PUT',
        url: '/api/admin/faults/stock',
        headers,
        payload: { ...NONE, failPercent: 100 },
      });
      expect(put.statusCode).toBe(403);
      expect((await app.inject({ method: 'DELETE', url: '/api/admin/faults', headers })).statusCode).toBe(
        403,
      );
    }
    const list = await app.inject({ method: 'GET', url: '/api/admin/faults', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ services: Array<{ service: string; active: boolean }> }>().services).toEqual([
      expect.objectContaining({ service: 'shop', active: false }),
      expect.objectContaining({ service: 'stock', active: false }),
    ]);
  });

  it('reach a service that polls, which reports the version it applies', async () => {
    const { app } = gateway;
    const set = await app.inject({
      method: 'PUT',
      url: '/api/admin/faults/stock',
      headers: admin,
      payload: { failPercent: 30, latencyMs: 200, unreachable: false },
    });
    expect(set.statusCode).toBe(200);
    const state = set.json<{ version: number; active: boolean; applied: boolean }>();
    expect(state).toMatchObject({ active: true, applied: false, failPercent: 30, latencyMs: 200 });

    const poll = await app.inject({ method: 'GET', url: '/internal/faults/stock?instance=host/1&version=0' });
    expect(poll.json()).toEqual({
      service: 'stock',
      version: state.version,
      flags: { failPercent: 30, latencyMs: 200, unreachable: false },
    });
    await app.inject({
      method: 'GET',
      url: `/internal/faults/stock?instance=host/1&version=${state.version}`,
    });
    const list = await app.inject({ method: 'GET', url: '/api/admin/faults', headers: admin });
    const stock = list
      .json<{ services: Array<{ service: string }> }>()
      .services.find((s) => s.service === 'stock');
    expect(stock).toMatchObject({ active: true, applied: true, instances: 1 });

    const cleared = await app.inject({ method: 'DELETE', url: '/api/admin/faults', headers: admin });
    expect(cleared.json<{ services: Array<{ active: boolean }> }>().services.every((s) => !s.active)).toBe(
      true,
    );
  });

  it('refuse unknown services and bad values with stable codes', async () => {
    const { app } = gateway;
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/admin/faults/nope',
      headers: admin,
      payload: NONE,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'FAULT_TARGET_UNKNOWN' });
    const pollUnknown = await app.inject({ method: 'GET', url: '/internal/faults/nope?instance=x' });
    expect(pollUnknown.json()).toMatchObject({ code: 'FAULT_TARGET_UNKNOWN' });
    for (const payload of [
      { ...NONE, failPercent: 101 },
      { ...NONE, latencyMs: -1 },
      { ...NONE, role: 'admin' },
      { failPercent: 10 },
    ]) {
      const bad = await app.inject({
        method: 'PUT',
        url: '/api/admin/faults/stock',
        headers: admin,
        payload,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('do not exist where fault flags are off (production)', async () => {
    const off = await gatewayWith(tokens, false);
    try {
      const list = await off.app.inject({ method: 'GET', url: '/api/admin/faults', headers: admin });
      expect(list.statusCode).toBe(404);
      const poll = await off.app.inject({ method: 'GET', url: '/internal/faults/stock?instance=x' });
      expect(poll.statusCode).not.toBe(200);
    } finally {
      await off.app.close();
      await off.close();
    }
  });
});
