/**
 * Values for the upstream operators and charts the cluster mode relies on (installed once per cluster,
 * before the overlays): NATS, CloudNativePG, KEDA, prometheus-adapter, Redis.
 */
import { CLUSTER } from './k8s-workload.ts';
import { METRICS, TRAFFIC } from './prometheus.ts';

/** File name under deploy/k8s/operators → chart values. */
export function operatorValues(): Record<string, Record<string, unknown>> {
  return {
    // https://github.com/nats-io/k8s (chart nats), namespace `nats`.
    'nats-values.yaml': {
      config: {
        cluster: { enabled: true, replicas: 3 },
        jetstream: {
          enabled: true,
          fileStore: { enabled: true, pvc: { enabled: true, size: '20Gi' } },
          memoryStore: { enabled: false },
        },
        monitor: { enabled: true, port: 8222 },
      },
      podTemplate: {
        topologySpreadConstraints: {
          'kubernetes.io/hostname': { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' },
        },
      },
      promExporter: { enabled: true, podMonitor: { enabled: true } },
      natsBox: { enabled: false },
    },
    // https://github.com/cloudnative-pg/charts (chart cloudnative-pg), namespace `cnpg-system`.
    'cloudnative-pg-values.yaml': {
      replicaCount: 2,
      monitoring: { podMonitorEnabled: true, grafanaDashboard: { create: true } },
      config: { data: { INHERITED_LABELS: 'app.kubernetes.io/part-of' } },
    },
    // https://github.com/kedacore/charts (chart keda), namespace `keda`.
    'keda-values.yaml': {
      prometheus: { metricServer: { enabled: true }, operator: { enabled: true } },
      resources: { operator: { requests: { cpu: '100m', memory: '128Mi' } } },
    },
    // https://github.com/prometheus-community/helm-charts (chart prometheus-adapter), namespace `monitoring`:
    // serves the HPA's pods metric `http_requests_per_second` from the kit's request counter.
    'prometheus-adapter-values.yaml': {
      prometheus: { url: CLUSTER.prometheusUrl.replace(/:9090$/, ''), port: 9090 },
      rules: {
        default: false,
        custom: [
          {
            seriesQuery: `${METRICS.requests}{namespace!="",pod!=""}`,
            resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
            name: { matches: `^${METRICS.requests}$`, as: 'http_requests_per_second' },
            metricsQuery: `sum(rate(<<.Series>>{<<.LabelMatchers>>,${TRAFFIC}}[2m])) by (<<.GroupBy>>)`,
          },
        ],
      },
    },
    // https://github.com/bitnami/charts (chart redis), namespace `redis`: shared rate limits and caches.
    'redis-values.yaml': {
      architecture: 'replication',
      auth: { enabled: true, existingSecret: 'redis-auth' },
      master: { persistence: { enabled: false } },
      replica: { replicaCount: 2, persistence: { enabled: false } },
      metrics: { enabled: true, serviceMonitor: { enabled: true } },
    },
  };
}
