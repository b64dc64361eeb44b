import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as contracts from '@sauda/contracts';
import { describe as group, expect, it } from 'vitest';
import { describe, readDescriptions, REPO } from './description.ts';
import { existingFiles } from './generate.ts';
import { renderDeployment } from './render.ts';

// Rendering formats every file with prettier: once per test file (slow on a busy machine).
const rendered = renderDeployment();
const SLOW = { timeout: 180_000 };

group('generated deployment files', () => {
  it(
    'match what the service descriptions generate (run `npm run deploy:generate` after a change)',
    SLOW,
    async () => {
      const generated = await rendered;
      const committed = await existingFiles();
      expect(committed).toEqual([...generated.keys()].sort());
      for (const [path, text] of generated) expect(await readFile(join(REPO, path), 'utf8'), path).toBe(text);
    },
  );

  it('give every service with a description its own base, dashboard and scrape job', SLOW, async () => {
    const services = await readDescriptions();
    const files = await rendered;
    const scrape = files.get('deploy/prometheus/prometheus.yml') ?? '';
    for (const { name } of services) {
      expect(files.has(`deploy/k8s/base/${name}/deployment.yaml`), name).toBe(true);
      expect(files.has(`deploy/grafana/dashboards/${name}.json`), name).toBe(true);
      expect(scrape).toContain(`job_name: ${name}`);
    }
  });
});

group('service descriptions', () => {
  it('declare every durable consumer, every event it handles and every HTTP client the code opens', async () => {
    for (const service of await readDescriptions()) {
      const code = await sourceOf(service.name);
      const consumers = [...code.matchAll(/\.consumer\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]);
      const clients = [...code.matchAll(/createHttpClient\(\{\s*service:\s*'([a-z0-9-]+)'/g)].map(
        (m) => m[1],
      );
      const handled = [...code.matchAll(/\.on\(\s*([A-Z]\w*)\s*,/g)].flatMap((m) => eventType(m[1]));
      expect(Object.keys(service.consumes).sort(), `${service.name} "sauda.consumes"`).toEqual(
        [...new Set(consumers)].sort(),
      );
      // A consumer named per replica (a template literal) gets every event on each replica: no shared lag to scale on.
      if (!/\.consumer\(\s*`/.test(code))
        expect(
          [...new Set(Object.values(service.consumes).flat())].sort(),
          `${service.name} event types`,
        ).toEqual([...new Set(handled)].sort());
      // Every service may call users (the token keys); the rest must be declared.
      for (const client of clients.filter((c) => c !== 'users'))
        expect(service.calls, `${service.name} "sauda.calls"`).toContain(client);
    }
  });

  it('refuse a malformed deployment field, naming the file and the field', () => {
    expect(() => describe('shop', 8102, true, { kind: 'batch' })).toThrow(
      /services\/shop\/package.json.*kind/,
    );
    expect(() => describe('shop', 8102, true, { calls: 'payment' })).toThrow(/calls must be a list/);
    expect(() => describe('shop', 8102, true, { scaling: { max: 'many' } })).toThrow(/scaling/);
  });

  it('fill the defaults a plain service needs', () => {
    const plain = describe('stock', 8104, true, {});
    expect(plain).toMatchObject({ kind: 'http', calls: [], consumes: {}, public: false });
    expect(plain.scaling.min).toBeGreaterThanOrEqual(2);
  });
});

/** The event type of a contract export (`OrderPlaced` → `orders.order.placed.v1`); none for other names. */
function eventType(name: string | undefined): string[] {
  const value = (contracts as Record<string, unknown>)[name ?? ''];
  const type = (value as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' && typeof (value as { schema?: unknown }).schema === 'object' ? [type] : [];
}

/** The non-test TypeScript of a service (outside src/test/), concatenated (empty while the service is being written). */
async function sourceOf(service: string): Promise<string> {
  const texts: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      // src/test/ holds test helpers that wire other services' consumers too.
      if (entry.isDirectory() && entry.name !== 'test') await walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        texts.push(await readFile(path, 'utf8'));
    }
  };
  await walk(join(REPO, 'services', service, 'src'));
  return texts.join('\n');
}
