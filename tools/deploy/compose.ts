/**
 * `deploy/local/compose.yaml`: the cluster mode on one machine, laid out like the architecture —
 * each service beside its own PostgreSQL, NATS JetStream as the bus, Redis for the gateway, the
 * gateway as the only published port, Prometheus and Grafana watching it all.
 */
import type { ServiceDescription } from './description.ts';
import { callees, urlVariable } from './k8s-workload.ts';

const POSTGRES_IMAGE = 'postgres:17-alpine';
// Local only: the databases are not published outside the compose network.
const LOCAL_DB_PASSWORD = 'sauda-local';

export function composeFile(services: readonly ServiceDescription[]): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const volumes: Record<string, null> = {};
  for (const service of services) {
    if (service.database) {
      defs[`${service.name}-db`] = {
        image: POSTGRES_IMAGE,
        environment: {
          POSTGRES_DB: service.name,
          POSTGRES_USER: service.name,
          POSTGRES_PASSWORD: LOCAL_DB_PASSWORD,
        },
        volumes: [`${service.name}-db:/var/lib/postgresql/data`],
        healthcheck: {
          test: ['CMD-SHELL', `pg_isready -U ${service.name} -d ${service.name}`],
          interval: '5s',
          retries: 20,
        },
      };
      volumes[`${service.name}-db`] = null;
    }
    for (const name of Object.keys(service.volumes)) volumes[`${service.name}-${name}`] = null;
  }
  defs['nats'] = {
    image: 'nats:2.11-alpine',
    command: ['-js', '-sd', '/data', '-m', '8222'],
    volumes: ['nats:/data'],
    healthcheck: { test: ['CMD', 'wget', '-q', '-O-', 'http://localhost:8222/healthz'], interval: '5s' },
  };
  defs['nats-exporter'] = {
    image: 'natsio/prometheus-nats-exporter:0.17.3',
    command: ['-varz', '-jsz=all', 'http://nats:8222'],
    depends_on: ['nats'],
  };
  defs['redis'] = {
    image: 'redis:7-alpine',
    command: ['redis-server', '--save', '', '--appendonly', 'no'],
  };
  volumes['nats'] = null;
  for (const service of services) defs[service.name] = serviceEntry(service, services);
  defs['prometheus'] = {
    image: 'prom/prometheus:v3.5.0',
    volumes: [
      '../prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
      '../prometheus/rules:/etc/prometheus/rules:ro',
    ],
    ports: ['9090:9090'],
  };
  defs['grafana'] = {
    image: 'grafana/grafana:12.1.0',
    environment: { GF_AUTH_ANONYMOUS_ENABLED: 'true', GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer' },
    volumes: [
      '../grafana/provisioning:/etc/grafana/provisioning:ro',
      '../grafana/dashboards:/var/lib/grafana/dashboards:ro',
    ],
    ports: ['3000:3000'],
    depends_on: ['prometheus'],
  };
  return { name: 'sauda', services: defs, volumes };
}

function serviceEntry(
  service: ServiceDescription,
  all: readonly ServiceDescription[],
): Record<string, unknown> {
  const targets = service.public ? all.filter((s) => s.name !== service.name) : callees(service, all);
  const environment: Record<string, string> = {
    // Embedded mode keeps the demo's generated keys and sandbox secrets; the bus is still NATS.
    SAUDA_MODE: 'embedded',
    DEMO_SEED: service.database ? 'true' : 'false',
    PORT: String(service.port),
    EVENT_TRANSPORT: 'nats',
    NATS_URL: 'nats://nats:4222',
    JWT_PRIVATE_KEYS_DIR: '/var/lib/sauda/keys',
    ...Object.fromEntries(targets.map((t) => [urlVariable(t.name), `http://${t.name}:${t.port}`])),
    ...(service.redis ? { REDIS_URL: 'redis://redis:6379' } : {}),
    ...(service.database
      ? {
          DATABASE_URL: `postgres://${service.name}:${LOCAL_DB_PASSWORD}@${service.name}-db:5432/${service.name}`,
        }
      : {}),
    ...service.env,
  };
  const dependsOn: Record<string, { condition: string }> = {};
  if (service.database) {
    dependsOn[`${service.name}-db`] = { condition: 'service_healthy' };
    dependsOn['nats'] = { condition: 'service_healthy' };
  }
  if (service.redis) dependsOn['redis'] = { condition: 'service_started' };
  // No ordering between services: they call each other in cycles (users ↔ payment) and cope with a peer that is down.
  return {
    build: { context: '../..', dockerfile: 'Dockerfile', args: { SERVICE: service.name } },
    image: `sauda/${service.name}:local`,
    environment,
    ...(Object.keys(dependsOn).length > 0 ? { depends_on: dependsOn } : {}),
    read_only: true,
    tmpfs: ['/tmp', '/var/lib/sauda'],
    ...(Object.keys(service.volumes).length > 0
      ? { volumes: Object.entries(service.volumes).map(([name, path]) => `${service.name}-${name}:${path}`) }
      : {}),
    ...(service.public ? { ports: [`8080:${service.port}`] } : {}),
    restart: 'unless-stopped',
  };
}
