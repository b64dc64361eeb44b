/**
 * The kustomize tree: `base/` (one folder per service plus `common/`), `components/monitoring`,
 * overlays `dev` and `prod` (namespace, images, replica floors, a CloudNativePG cluster per database).
 */
import type { ServiceDescription } from './description.ts';
import { defaultDeny, networkPolicy } from './k8s-network.ts';
import { autoscaler, consumesEvents, disruptionBudget } from './k8s-scaling.ts';
import {
  CLUSTER,
  configMap,
  databaseCluster,
  deployment,
  service as serviceObject,
  serviceAccount,
  volumeClaims,
  type Manifest,
} from './k8s-workload.ts';
import { ruleGroups } from './prometheus.ts';

/** Files of the kustomize tree: path under deploy/k8s → object, or several for a multi-document file. */
export type Tree = Record<string, Manifest | Manifest[]>;

const kustomization = (fields: Record<string, unknown>): Manifest => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  ...fields,
});

export function baseTree(services: readonly ServiceDescription[]): Tree {
  const tree: Tree = {
    'base/kustomization.yaml': kustomization({ resources: ['common', ...services.map((s) => s.name)] }),
    'base/common/kustomization.yaml': kustomization({ resources: ['configmap.yaml', 'networkpolicy.yaml'] }),
    'base/common/configmap.yaml': commonConfig(),
    'base/common/networkpolicy.yaml': defaultDeny(),
  };
  for (const service of services) {
    const dir = `base/${service.name}`;
    const files: Record<string, Manifest> = {
      'serviceaccount.yaml': serviceAccount(service),
      'configmap.yaml': configMap(service, services),
      'deployment.yaml': deployment(service),
      'service.yaml': serviceObject(service),
      [consumesEvents(service) ? 'scaledobject.yaml' : 'hpa.yaml']: autoscaler(service),
      'pdb.yaml': disruptionBudget(service),
      'networkpolicy.yaml': networkPolicy(service, services),
      ...Object.fromEntries(volumeClaims(service).map((claim) => [`pvc-${nameOf(claim)}.yaml`, claim])),
    };
    tree[`${dir}/kustomization.yaml`] = kustomization({ resources: Object.keys(files).sort() });
    for (const [file, manifest] of Object.entries(files)) tree[`${dir}/${file}`] = manifest;
  }
  return tree;
}

/** Settings every service shares in the cluster mode. */
function commonConfig(): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CLUSTER.commonConfig, labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf } },
    data: {
      EVENT_TRANSPORT: 'nats',
      HOST: '0.0.0.0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      NATS_URL: CLUSTER.natsUrl,
      TRACE_EXPORTER: 'none',
      SAUDA_MODE: 'cluster',
      SHUTDOWN_TIMEOUT_MS: String(CLUSTER.shutdownMs),
    },
  };
}

export function monitoringTree(services: readonly ServiceDescription[]): Tree {
  return {
    'components/monitoring/kustomization.yaml': {
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources: ['servicemonitor.yaml', 'prometheusrule.yaml'],
    },
    'components/monitoring/servicemonitor.yaml': {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'sauda', labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf } },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/part-of': CLUSTER.partOf } },
        endpoints: [{ port: 'http', path: '/metrics', interval: '15s', honorLabels: true }],
      },
    },
    'components/monitoring/prometheusrule.yaml': {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'sauda-slo', labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf } },
      spec: ruleGroups(services),
    },
  };
}

interface OverlaySettings {
  namespace: string;
  tag: string;
  instances: number;
  storage: string;
  floor: (service: ServiceDescription) => number;
  config: Record<string, string>;
}

const OVERLAYS: Record<'dev' | 'prod', OverlaySettings> = {
  dev: {
    namespace: 'sauda-dev',
    tag: 'main',
    instances: 1,
    storage: '2Gi',
    floor: () => 1,
    config: { LOG_LEVEL: 'debug' },
  },
  prod: {
    namespace: 'sauda',
    tag: '0.1.0',
    instances: 3,
    storage: '20Gi',
    floor: (service) => service.scaling.min,
    config: { TRACE_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: CLUSTER.otlpEndpoint },
  },
};

export function overlayTree(name: 'dev' | 'prod', services: readonly ServiceDescription[]): Tree {
  const settings = OVERLAYS[name];
  const dir = `overlays/${name}`;
  const owners = services.filter((s) => s.database);
  const tree: Tree = {
    [`${dir}/namespace.yaml`]: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: settings.namespace,
        // The restricted Pod Security Standard: the admission controller enforces the pod shape.
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    },
    [`${dir}/databases.yaml`]: owners.flatMap((s) => [databaseManifest(s, settings), databasePolicy(s)]),
    [`${dir}/replicas.yaml`]: services.flatMap((s) => replicaPatch(s, settings.floor(s))),
  };
  tree[`${dir}/kustomization.yaml`] = kustomization({
    namespace: settings.namespace,
    resources: ['namespace.yaml', '../../base', 'databases.yaml'],
    components: ['../../components/monitoring'],
    images: services.map((s) => ({
      name: `sauda/${s.name}`,
      newName: `ghcr.io/sauda/${s.name}`,
      newTag: settings.tag,
    })),
    patches: [
      { path: 'replicas.yaml' },
      {
        target: { kind: 'ConfigMap', name: CLUSTER.commonConfig },
        patch: JSON.stringify(
          Object.entries(settings.config).map(([key, value]) => ({
            op: 'add',
            path: `/data/${key}`,
            value,
          })),
        ),
      },
    ],
  });
  return tree;
}

/** The replica floor of a service: the Deployment's count and its autoscaler's minimum. */
function replicaPatch(service: ServiceDescription, floor: number): Manifest[] {
  const deploymentPatch: Manifest = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name },
    spec: { replicas: floor },
  };
  const autoscalerPatch: Manifest = consumesEvents(service)
    ? {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: service.name },
        spec: { minReplicaCount: floor },
      }
    : {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: service.name },
        spec: { minReplicas: floor },
      };
  return [deploymentPatch, autoscalerPatch];
}

/** A CloudNativePG cluster for one service's database; its `<name>-db-app` secret feeds DATABASE_URL. */
function databaseManifest(service: ServiceDescription, settings: OverlaySettings): Manifest {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name: databaseCluster(service.name),
      labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf },
    },
    spec: {
      instances: settings.instances,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:17.5',
      primaryUpdateStrategy: 'unsupervised',
      bootstrap: { initdb: { database: service.name, owner: service.name } },
      storage: { size: settings.storage },
      postgresql: { parameters: { max_connections: '200', shared_buffers: '256MB' } },
      monitoring: { enablePodMonitor: true },
      affinity: { topologyKey: 'topology.kubernetes.io/zone' },
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
    },
  };
}

/** Opens a database's pods to its service, to each other (replication) and to the operator. */
function databasePolicy(service: ServiceDescription): Manifest {
  const cluster = { 'cnpg.io/cluster': databaseCluster(service.name) };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: databaseCluster(service.name),
      labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf },
    },
    spec: {
      podSelector: { matchLabels: cluster },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': service.name } } },
            { podSelector: { matchLabels: cluster } },
          ],
          ports: [{ protocol: 'TCP', port: 5432 }],
        },
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } },
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': CLUSTER.monitoringNamespace },
              },
            },
          ],
          ports: [
            { protocol: 'TCP', port: 8000 },
            { protocol: 'TCP', port: 9187 },
          ],
        },
      ],
      egress: [
        { to: [{ podSelector: { matchLabels: cluster } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
        // The instance manager talks to the Kubernetes API.
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
          ports: [
            { protocol: 'TCP', port: 443 },
            { protocol: 'TCP', port: 6443 },
          ],
        },
      ],
    },
  };
}

function nameOf(manifest: Manifest): string {
  return String((manifest['metadata'] as { name: string }).name);
}
