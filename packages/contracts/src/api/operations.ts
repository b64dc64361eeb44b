/**
 * The operations view the gateway serves at `GET /api/admin/operations` (admin, support): each service's
 * live load and health, computed from two scrapes of every replica's /metrics and /health/ready.
 */
import { Type, type Static } from '@sinclair/typebox';

const Figure = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: 'null while there is no interval to compute it over (or no request in it)',
});
const Ratio = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

/** A replica's readiness: `down` when it does not answer at all. */
export const ReplicaHealth = Type.Union([
  Type.Literal('ready'),
  Type.Literal('not_ready'),
  Type.Literal('down'),
]);

/** One replica of a service. */
export const ReplicaOperations = Type.Object({
  url: Type.String(),
  health: ReplicaHealth,
  requestsPerSecond: Figure,
  p99Ms: Figure,
  cpuPercent: Figure,
});

/** One point of a service's recent history (one per collection). */
export const OperationsPoint = Type.Object({
  at: Type.String({ format: 'date-time' }),
  requestsPerSecond: Type.Number({ minimum: 0 }),
  p99Ms: Figure,
  errorRate: Ratio,
});

/** A service: its replicas summed (rates add up, p99 from merged histogram buckets). */
export const ServiceOperations = Type.Object({
  service: Type.String(),
  health: Type.Union([Type.Literal('ready'), Type.Literal('degraded'), Type.Literal('down')]),
  instances: Type.Integer({ minimum: 0 }),
  instancesReady: Type.Integer({ minimum: 0 }),
  requestsPerSecond: Figure,
  p99Ms: Figure,
  /** Share of requests answered with a 5xx. */
  errorRate: Ratio,
  cpuPercent: Figure,
  /** Events delivered to the service's consumers and not yet handled. */
  consumerLag: Figure,
  /** Committed events not yet acknowledged by the broker. */
  outboxBacklog: Figure,
  replicas: Type.Array(ReplicaOperations),
  history: Type.Array(OperationsPoint),
});

export const OperationsReport = Type.Object({
  collectedAt: Type.String({ format: 'date-time' }),
  /** Seconds since the previous collection; null for the first one. */
  intervalSeconds: Figure,
  services: Type.Array(ServiceOperations),
});

export type ReplicaHealth = Static<typeof ReplicaHealth>;
export type ReplicaOperations = Static<typeof ReplicaOperations>;
export type OperationsPoint = Static<typeof OperationsPoint>;
export type ServiceOperations = Static<typeof ServiceOperations>;
export type OperationsReport = Static<typeof OperationsReport>;
