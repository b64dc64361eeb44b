import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config.ts';
import { UpstreamUnavailable } from '../http/errors.ts';
import { createHttpClient, UpstreamProblem } from '../client/http-client.ts';
import { createServiceTokenSource, embeddedServiceSecret, serviceCredentials } from './service-tokens.ts';

describe('service tokens', () => {
  let server: Server;
  let baseUrl: string;
  let issued = 0;
  const bearers: string[] = [];
  let rejectNext = false;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/auth/service-token') {
          const { clientSecret } = JSON.parse(body) as { clientSecret: string };
          if (clientSecret !== 'right-secret-of-16+') {
            response.writeHead(401, { 'content-type': 'application/json' }).end('{}');
            return;
          }
          issued += 1;
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ accessToken: `token-${issued}`, expiresIn: 300 }));
          return;
        }
        bearers.push(request.headers.authorization ?? '');
        const status = rejectNext ? 401 : 200;
        rejectNext = false;
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches one token for concurrent callers and reuses it until shortly before it expires', async () => {
    let clock = 1_000_000;
    const source = createServiceTokenSource({
      usersUrl: baseUrl,
      clientId: 'orders',
      clientSecret: 'right-secret-of-16+',
      now: () => clock,
    });
    const before = issued;
    const tokens = await Promise.all([source.token(), source.token(), source.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(issued - before).toBe(1);
    clock += 200_000;
    expect(await source.token()).toBe(tokens[0]);
    clock += 80_000; // within 30 s of the 300 s expiry
    expect(await source.token()).not.toBe(tokens[0]);
    expect(issued - before).toBe(2);
  });

  it('a wrong secret or an unreachable users service is UPSTREAM_UNAVAILABLE, never a token', async () => {
    const wrong = createServiceTokenSource({ usersUrl: baseUrl, clientId: 'orders', clientSecret: 'nope' });
    await expect(wrong.token()).rejects.toBeInstanceOf(UpstreamUnavailable);
    const down = createServiceTokenSource({
      usersUrl: 'http://127.0.0.1:9',
      clientId: 'x',
      clientSecret: 'y',
    });
    await expect(down.token()).rejects.toBeInstanceOf(UpstreamUnavailable);
  });

  it('the HTTP client sends the service bearer only when asked, and renews it after a 401', async () => {
    const source = createServiceTokenSource({
      usersUrl: baseUrl,
      clientId: 'orders',
      clientSecret: 'right-secret-of-16+',
    });
    const client = createHttpClient({ service: 'payment', baseUrl, tokenSource: source });
    await client.get('/a', { token: 'customer-token' });
    await client.get('/b', { asService: true });
    const first = await source.token();
    rejectNext = true;
    await expect(client.get('/c', { asService: true })).rejects.toBeInstanceOf(UpstreamProblem);
    await client.get('/d', { asService: true });
    expect(bearers.slice(-4)).toEqual([
      'Bearer customer-token',
      `Bearer ${first}`,
      `Bearer ${first}`,
      expect.not.stringMatching(`^Bearer ${first}$`),
    ]);
    await client.close();
  });

  it('a secret is required outside embedded mode; embedded mode has a per-client default', () => {
    expect(() => serviceCredentials({ SAUDA_MODE: 'cluster' }, 'orders')).toThrow(ConfigError);
    expect(serviceCredentials({ SAUDA_MODE: 'embedded' }, 'orders')).toEqual({
      clientId: 'orders',
      clientSecret: embeddedServiceSecret('orders'),
    });
    expect(
      serviceCredentials({ SAUDA_MODE: 'cluster', SERVICE_CLIENT_SECRET: 's'.repeat(20) }, 'orders'),
    ).toEqual({ clientId: 'orders', clientSecret: 's'.repeat(20) });
  });
});
