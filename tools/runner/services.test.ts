import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManifestError, discoverServices, parseServiceManifest, startGroups } from './services.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sauda-services-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function addService(name: string, pkg: unknown): Promise<void> {
  await mkdir(join(root, name), { recursive: true });
  await writeFile(join(root, name, 'package.json'), JSON.stringify(pkg));
}

describe('service discovery', () => {
  it('finds every service folder and orders them by their declared start order', async () => {
    await addService('gateway', { sauda: { port: 8080, database: false, order: 9 } });
    await addService('shop', { sauda: { port: 8102, database: true, order: 2 } });
    await addService('users', { sauda: { port: 8101, database: true, order: 1 } });

    const { services } = await discoverServices(root);

    expect(services.map((s) => s.name)).toEqual(['users', 'shop', 'gateway']);
    expect(services[0]).toEqual({
      name: 'users',
      dir: join(root, 'users'),
      main: join(root, 'users', 'dist', 'main.js'),
      port: 8101,
      database: true,
      order: 1,
    });
  });

  it('skips folders that are not services yet (no package.json or no "sauda" field)', async () => {
    await addService('users', { sauda: { port: 8101, database: true, order: 1 } });
    await addService('orders', { name: '@sauda/orders' });
    await mkdir(join(root, 'empty'));

    const { services, skipped } = await discoverServices(root);

    expect(services.map((s) => s.name)).toEqual(['users']);
    expect(skipped).toEqual(['empty', 'orders']);
  });

  it('refuses two services on the same port, naming both', async () => {
    await addService('users', { sauda: { port: 8101, database: true, order: 1 } });
    await addService('shop', { sauda: { port: 8101, database: true, order: 2 } });

    await expect(discoverServices(root)).rejects.toThrow(/both declare port 8101/);
  });

  it.each([
    ['a port out of range', { port: 70_000, database: true, order: 1 }, /sauda\.port/],
    ['a port given as text', { port: '8101', database: true, order: 1 }, /sauda\.port/],
    ['a missing database flag', { port: 8101, order: 1 }, /sauda\.database/],
    ['a missing order', { port: 8101, database: true }, /sauda\.order/],
  ])('explains which field is wrong for %s', (_case, sauda, message) => {
    expect(() => parseServiceManifest('users', '/s/users', { sauda })).toThrow(ManifestError);
    expect(() => parseServiceManifest('users', '/s/users', { sauda })).toThrow(message);
  });

  it('refuses folder names that cannot become database or variable names', () => {
    const sauda = { port: 8101, database: true, order: 1 };
    expect(() => parseServiceManifest('Users_2', '/s/Users_2', { sauda })).toThrow(/folder name/);
  });
});

describe('start groups', () => {
  it('starts services sharing an order together, and every group after the lower ones', () => {
    const spec = (name: string, order: number) => ({
      name,
      dir: '',
      main: '',
      port: 1,
      database: true,
      order,
    });
    const groups = startGroups([spec('gateway', 99), spec('shop', 2), spec('orders', 2), spec('users', 1)]);
    expect(groups.map((g) => g.map((s) => s.name))).toEqual([['users'], ['orders', 'shop'], ['gateway']]);
  });
});
