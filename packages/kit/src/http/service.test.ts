import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTokens, type TestTokens } from '../testing/tokens.ts';
import { errorType } from './errors.ts';
import { createService, type App } from './service.ts';

const WidgetSoldOut = errorType('WIDGET_SOLD_OUT', 409, 'This widget is sold out');

describe('createService', () => {
  let app: App;
  let tokens: TestTokens;

  beforeAll(async () => {
    tokens = await createTestTokens();
    app = await createService({
      name: 'widgets',
      errors: [WidgetSoldOut],
      logLevel: 'silent',
      auth: tokens.verifier,
      bodyLimit: 2048,
    });
    const Widget = Type.Object(
      { name: Type.String({ minLength: 1 }), count: Type.Integer({ minimum: 0 }) },
      { additionalProperties: false },
    );
    app.post(
      '/widgets',
      {
        config: { auth: { access: ['seller'], owns: "the caller's own widgets" } },
        schema: { body: Widget },
      },
      async (request, reply) => reply.status(201).send({ ...request.body, owner: request.principal?.id }),
    );
    app.get(
      '/widgets',
      {
        config: { auth: { access: 'public', owns: 'nothing private' } },
        schema: {
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }) }),
        },
      },
      async (request) => ({ limit: request.query.limit }),
    );
    app.get('/sold-out', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      throw new WidgetSoldOut('widget 7 is gone', { widgetId: 7 });
    });
    app.get('/widgets/:id', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    });
    app.get('/upstream', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      throw Object.assign(new Error('shop answered 500'), {
        name: 'UpstreamProblem',
        status: 500,
        service: 'shop',
      });
    });
    app.get('/db-down', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      throw Object.assign(new Error('write CONNECTION_ENDED 127.0.0.1:5432'), { code: 'CONNECTION_ENDED' });
    });
    app.get('/boom', { config: { auth: { access: 'public', owns: 'nothing' } } }, async () => {
      throw new Error('database password is hunter2');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    tokens.verifier.close();
  });

  const seller = async (): Promise<string> => `Bearer ${await tokens.sign({ id: 'u1', roles: ['seller'] })}`;
  const post = async (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/widgets',
      payload,
      headers: { 'content-type': 'application/json', authorization: await seller(), ...headers },
    });

  it('answers malformed JSON with 400 MALFORMED_JSON as problem+json', async () => {
    const response = await post('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'MALFORMED_JSON', status: 400 });
  });

  it('refuses wrong types without coercing them', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: '3' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body/count' }] });
  });

  it('refuses unknown fields instead of dropping them (no mass assignment)', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: 1, owner: 'someone-else' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'body/owner', message: 'unknown field' }],
    });
  });

  it('answers oversized bodies with 413 BODY_TOO_LARGE', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(4096), count: 1 }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('answers an over-long path parameter with a 414 problem', async () => {
    const response = await app.inject({ url: `/widgets/${'ё'.repeat(300)}` });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers text the database cannot store (NUL) with 400 VALIDATION_FAILED, not 500', async () => {
    const response = await app.inject({ url: '/widgets/%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers a failing upstream service that escaped a use case with 503 UPSTREAM_UNAVAILABLE, not 500', async () => {
    const response = await app.inject({ url: '/upstream' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'shop' });
  });

  it('answers a broken database connection (restart, network fault) with 503 DATABASE_UNAVAILABLE, not 500', async () => {
    const response = await app.inject({ url: '/db-down' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(response.body).not.toContain('5432');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await post('name=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const response = await app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('coerces query strings and applies defaults', async () => {
    expect((await app.inject({ url: '/widgets?limit=5' })).json()).toEqual({ limit: 5 });
    expect((await app.inject({ url: '/widgets' })).json()).toEqual({ limit: 20 });
    expect((await app.inject({ url: '/widgets?limit=500' })).statusCode).toBe(400);
  });

  it('answers catalogue errors with their code, status and extra fields', async () => {
    const response = await app.inject({ url: '/sold-out' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'WIDGET_SOLD_OUT',
      detail: 'widget 7 is gone',
      widgetId: 7,
    });
  });

  it('hides unexpected errors behind 500 INTERNAL without leaking the message', async () => {
    const response = await app.inject({ url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL' });
    expect(response.body).not.toContain('hunter2');
  });

  it('requires a token for role-guarded routes and checks the role', async () => {
    const body = JSON.stringify({ name: 'a', count: 1 });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/widgets',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const customer = `Bearer ${await tokens.sign({ id: 'u2', roles: ['customer'] })}`;
    expect((await post(body, { authorization: customer })).json()).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    const ok = await post(body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ owner: 'u1' });
  });

  it('refuses to register a route that does not declare who may call it', async () => {
    const other = await createService({ name: 'careless', logLevel: 'silent' });
    expect(() => other.get('/open', async () => 'hi')).toThrow(/config.auth/);
    await other.close();
  });

  it('documents routes, access rules and every error code in OpenAPI 3.1', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json<
      Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> }
    >();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/widgets']?.post?.['x-access']).toBe('seller');
    expect(JSON.stringify(doc['x-error-codes'])).toContain('WIDGET_SOLD_OUT');
    expect((await app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('exposes liveness, readiness and RED metrics per route', async () => {
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('http_server_request_duration_seconds_bucket');
    expect(metrics).toMatch(/route="\/widgets"/);
  });

  it('echoes a valid x-request-id and answers with one otherwise', async () => {
    const given = await app.inject({ url: '/widgets', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const minted = await app.inject({ url: '/widgets' });
    expect(minted.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });
});
