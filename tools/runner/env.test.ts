import { describe, expect, it } from 'vitest';
import { makeServiceSecrets, serviceEnv, urlVariable, type SystemLayout } from './env.ts';
import type { ServiceSpec } from './services.ts';

const spec = (name: string, port: number, database: boolean, order: number): ServiceSpec => ({
  name,
  dir: `/repo/services/${name}`,
  main: `/repo/services/${name}/dist/main.js`,
  port,
  database,
  order,
});
const users = spec('users', 8101, true, 1);
const shop = spec('shop', 8102, true, 2);
const gateway = spec('gateway', 8080, false, 99);
const layout: SystemLayout = {
  services: [users, shop, gateway],
  ports: new Map([
    ['users', 8101],
    ['shop', 8102],
    ['gateway', 9090],
  ]),
  databaseUrls: new Map([
    ['users', 'postgres://postgres:pw@127.0.0.1:54320/sauda_users'],
    ['shop', 'postgres://postgres:pw@127.0.0.1:54320/sauda_shop'],
  ]),
  busUrl: 'postgres://postgres:pw@127.0.0.1:54320/sauda_bus',
  dataDir: '/repo/.data',
  webDist: '/repo/apps/web/dist',
  logLevel: 'info',
};

describe('service environment', () => {
  it('gives a database service its own database, the bus and the demo settings', () => {
    expect(serviceEnv(users, layout)).toEqual({
      PORT: '8101',
      HOST: '127.0.0.1',
      SAUDA_MODE: 'embedded',
      EVENT_TRANSPORT: 'pg',
      DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:54320/sauda_users',
      BUS_DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:54320/sauda_bus',
      DEMO_SEED: 'true',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      JWT_PRIVATE_KEYS_DIR: '/repo/.data/keys',
      MEDIA_DIR: '/repo/.data/media',
      MAIL_DIR: '/repo/.data/mail',
      WEB_DIST: '/repo/apps/web/dist',
      USERS_URL: 'http://127.0.0.1:8101',
      SHOP_URL: 'http://127.0.0.1:8102',
      GATEWAY_URL: 'http://127.0.0.1:9090',
    });
  });

  it('gives the gateway no DATABASE_URL and its overridden port', () => {
    const env = serviceEnv(gateway, layout);
    expect(env['DATABASE_URL']).toBeUndefined();
    expect(env['PORT']).toBe('9090');
  });

  it('tells every service where every other one listens', () => {
    for (const service of layout.services) {
      const env = serviceEnv(service, layout);
      for (const other of layout.services) {
        expect(env[urlVariable(other.name)]).toBe(`http://127.0.0.1:${layout.ports.get(other.name)}`);
      }
    }
  });

  it('names URL variables after the folder, upper-cased', () => {
    expect(urlVariable('dispatching')).toBe('DISPATCHING_URL');
    expect(urlVariable('some-thing')).toBe('SOME_THING_URL');
  });

  it('gives every service its own fresh client secret and users the whole list (ADR 0004)', () => {
    const secrets = makeServiceSecrets(layout.services);
    expect(new Set(secrets.values()).size).toBe(3);
    const withSecrets = { ...layout, serviceSecrets: secrets };
    expect(serviceEnv(shop, withSecrets)).toMatchObject({
      SERVICE_CLIENT_ID: 'shop',
      SERVICE_CLIENT_SECRET: secrets.get('shop'),
    });
    expect(serviceEnv(shop, withSecrets)['SERVICE_CLIENT_SECRETS']).toBeUndefined();
    expect(serviceEnv(users, withSecrets)['SERVICE_CLIENT_SECRETS']).toBe(
      [...secrets].map(([name, secret]) => `${name}:${secret}`).join(','),
    );
    expect(makeServiceSecrets(layout.services).get('shop')).not.toBe(secrets.get('shop'));
  });
});
