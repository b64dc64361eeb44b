/**
 * How a service scales: a HorizontalPodAutoscaler (CPU and request rate) for services that only serve
 * HTTP, a KEDA ScaledObject for event consumers (the same CPU and request-rate triggers plus JetStream
 * lag per durable consumer), and a PodDisruptionBudget for every one. A Deployment gets exactly one
 * autoscaler: KEDA builds its own HPA, and two HPAs on one Deployment fight over the replica count.
 */
import { natsDurableName } from '../../packages/kit/src/events/nats-transport.ts';
import type { ServiceDescription } from './description.ts';
import { CLUSTER, labels, selector, type Manifest } from './k8s-workload.ts';

const CPU_UTILIZATION = 70;
/** Unhandled events per durable consumer that justify one more replica. */
const LAG_PER_REPLICA = 100;

/** Whether the service scales on its consumers' lag (and so through KEDA). */
export function consumesEvents(service: ServiceDescription): boolean {
  return Object.values(service.consumes).some((types) => types.length > 0);
}

/** The JetStream durable names of a service: one per (consumer, event type), as the kit names them. */
export function durables(service: ServiceDescription): string[] {
  return Object.entries(service.consumes)
    .flatMap(([consumer, types]) => types.map((type) => natsDurableName(`${service.name}.${consumer}`, type)))
    .sort();
}

// Scale up at once, scale down slowly: a burst that stops for a minute usually comes back.
const behavior = {
  scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 100, periodSeconds: 30 }] },
  scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
};

/** The autoscaler of a service: an HPA or a KEDA ScaledObject (base: one replica minimum). */
export function autoscaler(service: ServiceDescription): Manifest {
  return consumesEvents(service) ? scaledObject(service) : hpa(service);
}

function hpa(service: ServiceDescription): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: service.name, labels: labels(service) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
      minReplicas: 1,
      maxReplicas: service.scaling.max,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: CPU_UTILIZATION } },
        },
        {
          // Served by prometheus-adapter from http_server_requests_total (deploy/k8s/operators).
          type: 'Pods',
          pods: {
            metric: { name: 'http_requests_per_second' },
            target: { type: 'AverageValue', averageValue: String(service.scaling.requestsPerPod) },
          },
        },
      ],
      behavior,
    },
  };
}

function scaledObject(service: ServiceDescription): Manifest {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: service.name, labels: labels(service) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
      minReplicaCount: 1,
      maxReplicaCount: service.scaling.max,
      pollingInterval: 15,
      cooldownPeriod: 300,
      advanced: { horizontalPodAutoscalerConfig: { name: service.name, behavior } },
      triggers: [
        { type: 'cpu', metricType: 'Utilization', metadata: { value: String(CPU_UTILIZATION) } },
        {
          type: 'prometheus',
          metricType: 'AverageValue',
          metadata: {
            serverAddress: CLUSTER.prometheusUrl,
            query: `sum(rate(http_server_requests_total{service="${service.name}",route!~"/health.*|/metrics"}[2m]))`,
            threshold: String(service.scaling.requestsPerPod),
          },
        },
        ...durables(service).map((consumer) => ({
          type: 'nats-jetstream',
          metadata: {
            natsServerMonitoringEndpoint: CLUSTER.natsMonitoring,
            account: '$G',
            stream: CLUSTER.stream,
            consumer,
            lagThreshold: String(LAG_PER_REPLICA),
          },
        })),
      ],
    },
  };
}

/** Voluntary disruptions (node drains, upgrades) take one replica at a time. */
export function disruptionBudget(service: ServiceDescription): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: service.name, labels: labels(service) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(service.name) } },
  };
}
