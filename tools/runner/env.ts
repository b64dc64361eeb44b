import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { instancesByService, serviceOf } from './replicas.ts';
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
  /** Each service's client secret for service tokens (ADR 0004), fresh for every run. */
  serviceSecrets?: ReadonlyMap<string, string>;
}

/** A random client secret per service, for one run of the system. */
export function makeServiceSecrets(services: readonly ServiceSpec[]): Map<string, string> {
  return new Map(services.map((s) => [s.name, randomBytes(24).toString('base64url')]));
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
    // The first instance seeds the demo; its replicas start after it and find the data there.
    DEMO_SEED: service.replicaOf ? 'false' : 'true',
    LOG_LEVEL: layout.logLevel,
    // The runner formats the JSON itself (compact, prefixed), so children never pretty-print.
    LOG_FORMAT: 'json',
    JWT_PRIVATE_KEYS_DIR: join(layout.dataDir, 'keys'),
    MEDIA_DIR: join(layout.dataDir, 'media'),
    // Without SMTP_URL the kit's mailer writes every mail here as an .eml file (the demo's outgoing mail).
    MAIL_DIR: join(layout.dataDir, 'mail'),
    WEB_DIST: layout.webDist,
  };
  // The gateway balances over every replica (`a,b`); services call the first instance of one another.
  for (const [name, instances] of instancesByService(layout.services)) {
    const urls = instances.map((instance) => `http://127.0.0.1:${portOf(instance, layout)}`);
    env[urlVariable(name)] = service.name === 'gateway' ? urls.join(',') : (urls[0] ?? '');
  }
  const secret = layout.serviceSecrets?.get(serviceOf(service));
  if (secret !== undefined) {
    env['SERVICE_CLIENT_ID'] = serviceOf(service);
    env['SERVICE_CLIENT_SECRET'] = secret;
  }
  if (serviceOf(service) === 'users' && layout.serviceSecrets) {
    env['SERVICE_CLIENT_SECRETS'] = [...layout.serviceSecrets].map(([name, s]) => `${name}:${s}`).join(',');
  }
  const databaseUrl = layout.databaseUrls.get(serviceOf(service));
  if (service.database && databaseUrl === undefined)
    throw new Error(`no database was created for ${serviceOf(service)}`);
  if (databaseUrl !== undefined) env['DATABASE_URL'] = databaseUrl;
  return env;
}

function portOf(name: string, layout: SystemLayout): number {
  const port = layout.ports.get(name);
  if (port === undefined) throw new Error(`no port was assigned to ${name}`);
  return port;
}
