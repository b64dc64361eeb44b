import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDescriptions, REPO } from './description.ts';

interface ComposeService {
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  ports?: string[];
}

const compose = parse(await readFile(join(REPO, 'deploy/local/compose.yaml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

describe('the local compose file', () => {
  it('gives each service its own PostgreSQL, NATS as the bus, and publishes only the gateway', async () => {
    for (const service of await readDescriptions()) {
      const entry = compose.services[service.name];
      expect(entry, service.name).toBeDefined();
      expect(entry?.environment?.['EVENT_TRANSPORT']).toBe('nats');
      if (service.database)
        expect(entry?.environment?.['DATABASE_URL'], service.name).toContain(`@${service.name}-db:5432/`);
      expect(Boolean(entry?.ports), service.name).toBe(service.public);
    }
    for (const name of ['nats', 'redis', 'prometheus', 'grafana'])
      expect(compose.services[name]).toBeDefined();
  });

  it('has no start-order cycle (compose refuses one)', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') throw new Error(`cycle: ${[...path, name].join(' → ')}`);
      state.set(name, 'visiting');
      for (const next of Object.keys(compose.services[name]?.depends_on ?? {})) visit(next, [...path, name]);
      state.set(name, 'done');
    };
    expect(() => Object.keys(compose.services).forEach((name) => visit(name, []))).not.toThrow();
  });
});
