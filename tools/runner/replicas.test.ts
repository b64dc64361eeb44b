import { describe, expect, it } from 'vitest';
import { serviceEnv, type SystemLayout } from './env.ts';
import { instancesByService, parseReplicas, withReplicas } from './replicas.ts';
import type { ServiceSpec } from './services.ts';

const spec = (name: string, port: number, order: number, database = true): ServiceSpec => ({
  name,
  dir: `/s/${name}`,
  main: `/s/${name}/dist/main.js`,
  port,
  database,
  order,
});
const SERVICES = [spec('users', 8101, 1), spec('shop', 8102, 2), spec('gateway', 8080, 99, false)];

describe('replicas', () => {
  it('read name=count pairs, comma-separated or repeated', () => {
    expect(parseReplicas(['shop=2,stock=3', 'users=1'])).toEqual({ shop: 2, stock: 3, users: 1 });
    expect(() => parseReplicas(['shop'])).toThrow(/shop=2/);
    expect(() => parseReplicas(['shop=0'])).toThrow(/1…8/);
  });

  it('add shop-2 after shop, sharing its database, and refuse unknown services and a second gateway', () => {
    const all = withReplicas(SERVICES, { shop: 2 });
    expect(all.map((s) => s.name)).toEqual(['users', 'shop', 'gateway', 'shop-2']);
    expect(all.find((s) => s.name === 'shop-2')).toMatchObject({ replicaOf: 'shop', order: 2.5 });
    expect(instancesByService(all).get('shop')).toEqual(['shop', 'shop-2']);
    expect(() => withReplicas(SERVICES, { nope: 2 })).toThrow(/no service "nope"/);
    expect(() => withReplicas(SERVICES, { gateway: 2 })).toThrow(/gateway/);
  });

  it('give the gateway every replica, other services the first, and a replica its service’s database', () => {
    const services = withReplicas(SERVICES, { shop: 2 });
    const layout: SystemLayout = {
      services,
      ports: new Map([
        ['users', 8101],
        ['shop', 8102],
        ['shop-2', 40001],
        ['gateway', 8080],
      ]),
      databaseUrls: new Map([
        ['users', 'postgres://x/users'],
        ['shop', 'postgres://x/shop'],
      ]),
      busUrl: 'postgres://x/bus',
      dataDir: '/d',
      webDist: '/w',
      logLevel: 'info',
    };
    const gateway = serviceEnv(services.find((s) => s.name === 'gateway') ?? SERVICES[0]!, layout);
    expect(gateway['SHOP_URL']).toBe('http://127.0.0.1:8102,http://127.0.0.1:40001');
    const users = serviceEnv(SERVICES[0]!, layout);
    expect(users['SHOP_URL']).toBe('http://127.0.0.1:8102');
    const replica = serviceEnv(services.find((s) => s.name === 'shop-2') ?? SERVICES[0]!, layout);
    expect(replica).toMatchObject({ PORT: '40001', DATABASE_URL: 'postgres://x/shop', DEMO_SEED: 'false' });
    expect(replica['SHOP-2_URL']).toBeUndefined();
  });
});
