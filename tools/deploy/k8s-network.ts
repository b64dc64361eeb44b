/**
 * NetworkPolicies: the namespace denies everything by default; each service's policy opens exactly
 * what the architecture draws — ingress → gateway → services, service → service calls (§6), every
 * service → users' JWKS, each service → its own PostgreSQL, NATS, Redis where used, Prometheus → /metrics.
 */
import type { ServiceDescription } from './description.ts';
import { callees, CLUSTER, databaseCluster, labels, selector, type Manifest } from './k8s-workload.ts';

const namespace = (name: string) => ({ 'kubernetes.io/metadata.name': name });
const tcp = (port: number) => ({ protocol: 'TCP', port });

/** Denies all ingress and egress to every pod of the namespace that no other policy opens. */
export function defaultDeny(): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', labels: { 'app.kubernetes.io/part-of': CLUSTER.partOf } },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

export function networkPolicy(service: ServiceDescription, all: readonly ServiceDescription[]): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: service.name, labels: labels(service) },
    spec: {
      podSelector: { matchLabels: selector(service.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingress(service, all),
      egress: egress(service, all),
    },
  };
}

function ingress(service: ServiceDescription, all: readonly ServiceDescription[]): unknown[] {
  const port = [tcp(service.port)];
  const callers = all.filter((other) => other.name !== service.name && isCaller(other, service, all));
  const rules: unknown[] = [
    // Prometheus scrapes /metrics; the kubelet's probes are not subject to NetworkPolicy.
    { from: [{ namespaceSelector: { matchLabels: namespace(CLUSTER.monitoringNamespace) } }], ports: port },
  ];
  if (service.public)
    rules.push({
      from: [{ namespaceSelector: { matchLabels: namespace(CLUSTER.ingressNamespace) } }],
      ports: port,
    });
  if (callers.length > 0)
    rules.push({
      from: callers.map((c) => ({ podSelector: { matchLabels: selector(c.name) } })),
      ports: port,
    });
  return rules;
}

function isCaller(
  caller: ServiceDescription,
  target: ServiceDescription,
  all: readonly ServiceDescription[],
) {
  return caller.public || callees(caller, all).some((c) => c.name === target.name);
}

function egress(service: ServiceDescription, all: readonly ServiceDescription[]): unknown[] {
  const targets = service.public ? all.filter((s) => s.name !== service.name) : callees(service, all);
  const rules: unknown[] = [
    {
      to: [
        {
          namespaceSelector: { matchLabels: namespace('kube-system') },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    // Spans go to the OpenTelemetry collector when OTLP export is configured.
    { to: [{ namespaceSelector: { matchLabels: namespace(CLUSTER.otlpNamespace) } }], ports: [tcp(4318)] },
  ];
  for (const target of targets)
    rules.push({ to: [{ podSelector: { matchLabels: selector(target.name) } }], ports: [tcp(target.port)] });
  if (service.database)
    rules.push({
      to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': databaseCluster(service.name) } } }],
      ports: [tcp(5432)],
    });
  if (service.database || Object.keys(service.consumes).length > 0)
    rules.push({
      to: [
        {
          namespaceSelector: { matchLabels: namespace(CLUSTER.natsNamespace) },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'nats' } },
        },
      ],
      ports: [tcp(4222)],
    });
  if (service.redis)
    rules.push({
      to: [
        {
          namespaceSelector: { matchLabels: namespace(CLUSTER.redisNamespace) },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'redis' } },
        },
      ],
      ports: [tcp(6379)],
    });
  if (service.internet)
    rules.push({
      // The card provider and the mail relay: public addresses only, never the cluster's own ranges.
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
      ports: [tcp(443), tcp(465), tcp(587)],
    });
  return rules;
}
