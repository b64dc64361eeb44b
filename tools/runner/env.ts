import { join } from 'node:path';
import type { ServiceSpec } from './services.ts';

/** Everything the runner decided that the services need to know about each other. */
export interface SystemLayout {
  services: readonly ServiceSpec[];
  /** Port each service listens on (the manifest's, or another when overridden). */
  ports: ReadonlyMap<string, number>;
  /** DATABASE_URL of each service that has a database. */
  databaseUrls: ReadonlyMap<string, string>;
  busUrl: string;
  dataDir: string;
  webDist: string;
  logLevel: string;
}

/** `shop` → `SHOP_URL`, `some-thing` → `SOME_THING_URL`. */
export function urlVariable(service: string): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_URL`;
}

/** The variables one service is started with, on top of the runner's own environment. */
export function serviceEnv(service: ServiceSpec, layout: SystemLayout): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(portOf(service.name, layout)),
    HOST: '127.0.0.1',
    SAUDA_MODE: 'embedded',
    EVENT_TRANSPORT: 'pg',
    BUS_DATABASE_URL: layout.busUrl,
    DEMO_SEED: 'true',
    LOG_LEVEL: layout.logLevel,
    // The runner formats the JSON itself (compact, prefixed), so children never pretty-print.
    LOG_FORMAT: 'json',
    JWT_PRIVATE_KEYS_DIR: join(layout.dataDir, 'keys'),
    MEDIA_DIR: join(layout.dataDir, 'media'),
    WEB_DIST: layout.webDist,
  };
  for (const other of layout.services) {
    env[urlVariable(other.name)] = `http://127.0.0.1:${portOf(other.name, layout)}`;
  }
  const databaseUrl = layout.databaseUrls.get(service.name);
  if (service.database && databaseUrl === undefined)
    throw new Error(`no database was created for ${service.name}`);
  if (databaseUrl !== undefined) env['DATABASE_URL'] = databaseUrl;
  return env;
}

function portOf(name: string, layout: SystemLayout): number {
  const port = layout.ports.get(name);
  if (port === undefined) throw new Error(`no port was assigned to ${name}`);
  return port;
}
