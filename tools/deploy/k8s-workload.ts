/** The workload of one service: service account, settings, Deployment with the secure pod shape, Service. */
import type { ServiceDescription } from './description.ts';

/** A Kubernetes object as plain data (validated later against the schemas). */
export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string };

/** The namespace and shared names every generated object agrees on. */
export const CLUSTER = {
  partOf: 'sauda',
  commonConfig: 'sauda-common',
  natsNamespace: 'nats',
  natsUrl: 'nats://nats.nats.svc.cluster.local:4222',
  natsMonitoring: 'nats.nats.svc.cluster.local:8222',
  stream: 'SAUDA',
  redisNamespace: 'redis',
  redisUrl: 'redis://redis-master.redis.svc.cluster.local:6379',
  monitoringNamespace: 'monitoring',
  prometheusUrl: 'http://prometheus-operated.monitoring.svc.cluster.local:9090',
  ingressNamespace: 'ingress-nginx',
  otlpNamespace: 'observability',
  otlpEndpoint: 'http://otel-collector.observability.svc.cluster.local:4318',
  /** Non-root user of the image (see the Dockerfile). */
  uid: 10001,
  /** preStop pause: endpoints are removed from load balancers before the process starts draining. */
  preStopSeconds: 5,
  /** The kit's SHUTDOWN_TIMEOUT_MS, below the grace period so a drained process exits on its own. */
  shutdownMs: 20_000,
  gracePeriodSeconds: 30,
} as const;

/** The standard labels of a service's objects; the first one selects its pods. */
export function labels(service: ServiceDescription): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': CLUSTER.partOf,
    'app.kubernetes.io/component': service.kind,
  };
}

export function selector(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}

/** `shop` → `SHOP_URL`, as the runner and every config.ts spell it. */
export function urlVariable(name: string): string {
  return `${name.toUpperCase().replaceAll('-', '_')}_URL`;
}

/** The CloudNativePG cluster name of a service's database; its `-app` secret holds `uri`. */
export function databaseCluster(name: string): string {
  return `${name}-db`;
}

export function serviceAccount(service: ServiceDescription): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: service.name, labels: labels(service) },
    // No service talks to the Kubernetes API.
    automountServiceAccountToken: false,
  };
}

/** Non-secret settings: the port, where the services it calls live, its own extras. */
export function configMap(service: ServiceDescription, all: readonly ServiceDescription[]): Manifest {
  const targets = service.public ? all.filter((s) => s.name !== service.name) : callees(service, all);
  const data: Record<string, string> = {
    SERVICE_NAME: service.name,
    PORT: String(service.port),
    ...Object.fromEntries(targets.map((t) => [urlVariable(t.name), `http://${t.name}:${t.port}`])),
    ...(service.redis ? { REDIS_URL: CLUSTER.redisUrl } : {}),
    ...service.env,
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${service.name}-config`, labels: labels(service) },
    data: sortKeys(data),
  };
}

/** The services a service calls over HTTP: its declared calls plus `users` for the token keys. */
export function callees(
  service: ServiceDescription,
  all: readonly ServiceDescription[],
): ServiceDescription[] {
  const names = new Set([...service.calls, ...(service.name === 'users' ? [] : ['users'])]);
  return all.filter((s) => names.has(s.name) && s.name !== service.name);
}

export function deployment(service: ServiceDescription): Manifest {
  const { cpu, memory } = service.resources;
  const volumes = Object.entries(service.volumes);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 3,
    failureThreshold,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, labels: labels(service) },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(service.name) },
      // A new replica is ready before an old one goes: capacity never drops during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(service) },
        spec: {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: CLUSTER.gracePeriodSeconds,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: CLUSTER.uid,
            runAsGroup: CLUSTER.uid,
            fsGroup: CLUSTER.uid,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector(service.name) },
            },
          ],
          containers: [
            {
              name: service.name,
              image: `sauda/${service.name}`,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: service.port, protocol: 'TCP' }],
              envFrom: [
                { configMapRef: { name: CLUSTER.commonConfig } },
                { configMapRef: { name: `${service.name}-config` } },
                // Keys, provider credentials: created by the operators (e.g. External Secrets), never here.
                { secretRef: { name: `${service.name}-secrets`, optional: true } },
              ],
              env: service.database
                ? [
                    {
                      name: 'DATABASE_URL',
                      valueFrom: {
                        secretKeyRef: { name: `${databaseCluster(service.name)}-app`, key: 'uri' },
                      },
                    },
                  ]
                : [],
              resources: {
                requests: { cpu, memory },
                limits: { cpu: '1', memory: doubled(memory) },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
              },
              startupProbe: probe('/health/live', 2, 30),
              livenessProbe: probe('/health/live', 10, 3),
              readinessProbe: probe('/health/ready', 5, 2),
              lifecycle: { preStop: { sleep: { seconds: CLUSTER.preStopSeconds } } },
              volumeMounts: [
                { name: 'tmp', mountPath: '/tmp' },
                ...volumes.map(([name, mountPath]) => ({ name, mountPath })),
              ],
            },
          ],
          volumes: [
            { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
            ...volumes.map(([name]) => ({
              name,
              persistentVolumeClaim: { claimName: `${service.name}-${name}` },
            })),
          ],
        },
      },
    },
  };
}

/** Claims for the persistent folders (shared by every replica, so ReadWriteMany). */
export function volumeClaims(service: ServiceDescription): Manifest[] {
  return Object.keys(service.volumes).map((name) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `${service.name}-${name}`, labels: labels(service) },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '20Gi' } } },
  }));
}

export function service(service: ServiceDescription): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, labels: labels(service) },
    spec: {
      type: 'ClusterIP',
      selector: selector(service.name),
      ports: [{ name: 'http', port: service.port, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

function doubled(quantity: string): string {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`memory "${quantity}" must be written in Mi or Gi`);
  return `${Number(match[1]) * 2}${match[2]}`;
}

export function sortKeys(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
}
