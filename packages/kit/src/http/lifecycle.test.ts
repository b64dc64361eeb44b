import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { runService } from './lifecycle.ts';
import { createService } from './service.ts';

describe('runService shutdown', () => {
  it('finishes the request in flight, reports not ready, then closes dependencies in the order given', async () => {
    const app = await createService({ name: 'slowpoke', logLevel: 'silent' });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    app.get('/slow', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      await gate;
      return { done: true };
    });
    const closed: string[] = [];
    const { shutdown } = await runService(app, {
      port: 0,
      host: '127.0.0.1',
      shutdownTimeoutMs: 5000,
      closers: [() => void closed.push('relay'), () => void closed.push('db')],
    });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const inFlight = request(`${base}/slow`).then(async (response) => ({
      status: response.statusCode,
      body: await response.body.json(),
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = shutdown('test');
    expect(app.kit.draining).toBe(true);
    expect(closed).toEqual([]);
    release();
    await expect(inFlight).resolves.toEqual({ status: 200, body: { done: true } });
    await stopping;
    expect(closed).toEqual(['relay', 'db']);
    await expect(request(`${base}/slow`)).rejects.toThrow();
  });

  it('answers readiness with 503 while draining so load balancers stop sending', async () => {
    const app = await createService({ name: 'drainer', logLevel: 'silent' });
    app.kit.draining = true;
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', draining: true });
    await app.close();
  });
});
