/**
 * Monitoring as data: the scrape configuration of the local stack and the SLO alerting rules, built on
 * the metric names the kit exports (packages/kit/src/observability/metrics.ts, events/metrics.ts,
 * runtime.ts) plus the business metrics orders, payment and shipping export
 * (services/orders/src/checkout/checkout-metrics.ts, payment/src/intents/payment-metrics.ts,
 * shipping/src/tracking/delivery-metrics.ts).
 */
import type { ServiceDescription } from './description.ts';

/** Metric names, in one place for the rules, the dashboards and the operations page docs. */
export const METRICS = {
  requests: 'http_server_requests_total',
  duration: 'http_server_request_duration_seconds',
  outboxBacklog: 'outbox_backlog',
  consumerLag: 'event_consumer_lag',
  poolConnections: 'db_pool_connections',
  poolMax: 'db_pool_max',
  cpu: 'process_cpu_seconds_total',
  memory: 'process_resident_memory_bytes',
  eventLoopLag: 'nodejs_eventloop_lag_p99_seconds',
  restarts: 'kube_pod_container_status_restarts_total',
  // Business metrics (counters unless noted), exported by orders, payment and shipping.
  ordersPlaced: 'orders_placed_total',
  /** {currency}, minor units of confirmed orders. */
  gmv: 'orders_gmv_minor_total',
  /** {step, outcome}: checkout placed|rejected, saga steps succeeded|retried, order confirmed|failed. */
  checkoutSteps: 'orders_checkout_steps_total',
  /** Gauge {state}, read from the database: every orders replica reports the same value (take max). */
  sagaStuck: 'orders_saga_stuck',
  /** {outcome}: authorized, declined, requires_action. */
  paymentAuthorizations: 'payment_authorizations_total',
  /** {reason}: the provider's decline code. */
  paymentDeclines: 'payment_declines_total',
  /** {on_time}: "true" when delivered on or before the promised date. */
  deliveries: 'shipping_deliveries_total',
} as const;

/** Health and metrics routes are not traffic: they are left out of rates and latencies. */
export const TRAFFIC = 'route!~"/health.*|/metrics"';

/** The availability objective: 99.5 % of requests answer without a 5xx. */
const ERROR_BUDGET = 0.005;

/** The alerting and recording rules (one Prometheus rule file; also wrapped in a PrometheusRule). */
export function ruleGroups(services: readonly ServiceDescription[]): { groups: unknown[] } {
  const containers = services.map((s) => s.name).join('|');
  const ratio = (window: string) => ({
    record: `service:http_error_ratio:rate${window}`,
    expr: `sum by (service) (rate(${METRICS.requests}{status_code=~"5..",${TRAFFIC}}[${window}])) / sum by (service) (rate(${METRICS.requests}{${TRAFFIC}}[${window}]))`,
  });
  const burn = (name: string, factor: number, short: string, long: string, severity: string) => ({
    alert: name,
    expr: `service:http_error_ratio:rate${short} > ${factor * ERROR_BUDGET} and service:http_error_ratio:rate${long} > ${factor * ERROR_BUDGET}`,
    for: '2m',
    labels: { severity },
    annotations: {
      summary: '{{ $labels.service }} is burning its error budget {{ $value | humanizePercentage }} errors',
      description: `5xx ratio above ${factor}× the 0.5 % budget over ${short} and ${long}.`,
      runbook_url: 'https://github.com/sauda/sauda/blob/main/docs/operations/scaling.md#alerts',
    },
  });
  const alert = (name: string, expr: string, wait: string, severity: string, summary: string) => ({
    alert: name,
    expr,
    for: wait,
    labels: { severity },
    annotations: {
      summary,
      runbook_url: 'https://github.com/sauda/sauda/blob/main/docs/operations/scaling.md#alerts',
    },
  });
  return {
    groups: [
      {
        name: 'sauda-slo-recording',
        rules: [
          ratio('5m'),
          ratio('30m'),
          ratio('1h'),
          ratio('6h'),
          {
            record: 'service:http_request_duration_seconds:p99_5m',
            expr: `histogram_quantile(0.99, sum by (service, le) (rate(${METRICS.duration}_bucket{${TRAFFIC}}[5m])))`,
          },
          {
            record: 'service:http_requests:rate5m',
            expr: `sum by (service) (rate(${METRICS.requests}{${TRAFFIC}}[5m]))`,
          },
        ],
      },
      {
        name: 'sauda-slo-alerts',
        rules: [
          burn('SaudaErrorBudgetFastBurn', 14.4, '5m', '1h', 'page'),
          burn('SaudaErrorBudgetSlowBurn', 6, '30m', '6h', 'ticket'),
          alert(
            'SaudaLatencyP99High',
            'service:http_request_duration_seconds:p99_5m > 0.5 and service:http_requests:rate5m > 1',
            '10m',
            'page',
            '{{ $labels.service }} p99 latency is {{ $value | humanizeDuration }} (objective 500 ms)',
          ),
          alert(
            'SaudaConsumerLagHigh',
            `max by (service, consumer) (${METRICS.consumerLag}) > 1000`,
            '10m',
            'page',
            '{{ $labels.consumer }} has {{ $value }} events waiting',
          ),
          alert(
            'SaudaOutboxBacklog',
            `max by (service) (${METRICS.outboxBacklog}) > 500`,
            '5m',
            'page',
            '{{ $labels.service }} has {{ $value }} committed events not yet published (relay or NATS down?)',
          ),
          alert(
            'SaudaSagaStuck',
            `max by (state) (${METRICS.sagaStuck}) > 0`,
            '15m',
            'page',
            '{{ $value }} orders stuck in {{ $labels.state }} for longer than the saga allows',
          ),
          alert(
            'SaudaDbPoolSaturated',
            // Every replica reports the whole service's connections; divide by the pools of all replicas.
            `max by (service) (${METRICS.poolConnections}{state="active"}) / sum by (service) (${METRICS.poolMax}) > 0.9`,
            '10m',
            'ticket',
            '{{ $labels.service }} uses {{ $value | humanizePercentage }} of its database connections',
          ),
          alert(
            'SaudaPodRestarting',
            `increase(${METRICS.restarts}{container=~"${containers}"}[1h]) > 3`,
            '5m',
            'ticket',
            '{{ $labels.pod }} restarted {{ $value }} times in an hour',
          ),
          alert(
            'SaudaInstanceDown',
            `up{job=~"${containers}"} == 0`,
            '2m',
            'page',
            '{{ $labels.instance }} does not answer /metrics',
          ),
          alert(
            'SaudaEventLoopBlocked',
            `max by (service) (${METRICS.eventLoopLag}) > 0.2`,
            '10m',
            'ticket',
            '{{ $labels.service }} event loop lag p99 is {{ $value | humanizeDuration }}',
          ),
        ],
      },
    ],
  };
}

/** The local stack's Prometheus: every service scraped by its compose name and port. */
export function prometheusConfig(services: readonly ServiceDescription[]): Record<string, unknown> {
  return {
    global: { scrape_interval: '15s', evaluation_interval: '15s' },
    rule_files: ['/etc/prometheus/rules/*.yml'],
    scrape_configs: [
      // One job per service, named like the Service a ServiceMonitor would find in Kubernetes.
      ...services.map((s) => ({
        job_name: s.name,
        metrics_path: '/metrics',
        static_configs: [{ targets: [`${s.name}:${s.port}`] }],
      })),
      { job_name: 'nats', static_configs: [{ targets: ['nats-exporter:7777'] }] },
      { job_name: 'prometheus', static_configs: [{ targets: ['localhost:9090'] }] },
    ],
  };
}
