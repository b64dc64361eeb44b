/** Grafana: one dashboard per service (rate, errors, duration, saturation), one for the business, provisioning. */
import type { ServiceDescription } from './description.ts';
import { METRICS, TRAFFIC } from './prometheus.ts';

const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };

interface Target {
  expr: string;
  legend: string;
}

let panelId = 0;

function panel(
  title: string,
  targets: Target[],
  grid: { x: number; y: number; w?: number; h?: number },
  unit = 'short',
  type: 'timeseries' | 'stat' = 'timeseries',
): Record<string, unknown> {
  panelId += 1;
  return {
    id: panelId,
    type,
    title,
    datasource: DATASOURCE,
    gridPos: { x: grid.x, y: grid.y, w: grid.w ?? 12, h: grid.h ?? 8 },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options:
      type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'] } } : { legend: { displayMode: 'list' } },
    targets: targets.map((t, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: t.expr,
      legendFormat: t.legend,
    })),
  };
}

function dashboard(uid: string, title: string, tags: string[], panels: unknown[]): string {
  panelId = 0;
  return `${JSON.stringify(
    {
      uid,
      title,
      tags,
      timezone: 'utc',
      schemaVersion: 39,
      version: 1,
      refresh: '30s',
      time: { from: 'now-3h', to: 'now' },
      templating: { list: [] },
      panels,
    },
    null,
    2,
  )}\n`;
}

/** Rate, errors, duration and saturation of one service. */
export function serviceDashboard(service: ServiceDescription): string {
  const s = `service="${service.name}"`;
  const traffic = `${s},${TRAFFIC}`;
  const quantile = (q: number) => ({
    expr: `histogram_quantile(${q}, sum by (le) (rate(${METRICS.duration}_bucket{${traffic}}[5m])))`,
    legend: `p${Math.round(q * 100)}`,
  });
  panelId = 0;
  const panels = [
    panel(
      'Requests per second by route',
      [{ expr: `sum by (route) (rate(${METRICS.requests}{${traffic}}[5m]))`, legend: '{{route}}' }],
      { x: 0, y: 0 },
      'reqps',
    ),
    panel(
      'Errors (5xx ratio) and 4xx per second',
      [
        {
          expr: `sum(rate(${METRICS.requests}{${traffic},status_code=~"5.."}[5m])) / sum(rate(${METRICS.requests}{${traffic}}[5m]))`,
          legend: '5xx ratio',
        },
        {
          expr: `sum(rate(${METRICS.requests}{${traffic},status_code=~"4.."}[5m]))`,
          legend: '4xx per second',
        },
      ],
      { x: 12, y: 0 },
      'percentunit',
    ),
    panel('Duration p50 / p95 / p99', [quantile(0.5), quantile(0.95), quantile(0.99)], { x: 0, y: 8 }, 's'),
    panel(
      'Slowest routes (p99)',
      [
        {
          expr: `topk(5, histogram_quantile(0.99, sum by (route, le) (rate(${METRICS.duration}_bucket{${traffic}}[5m]))))`,
          legend: '{{route}}',
        },
      ],
      { x: 12, y: 8 },
      's',
    ),
    panel(
      'Saturation: CPU and event loop',
      [
        { expr: `sum by (instance) (rate(${METRICS.cpu}{${s}}[5m]))`, legend: 'cpu {{instance}}' },
        { expr: `max by (instance) (${METRICS.eventLoopLag}{${s}})`, legend: 'loop lag p99 {{instance}}' },
      ],
      { x: 0, y: 16, w: 8 },
    ),
    panel(
      'Memory (resident)',
      [{ expr: `sum by (instance) (${METRICS.memory}{${s}})`, legend: '{{instance}}' }],
      { x: 8, y: 16, w: 8 },
      'bytes',
    ),
    panel(
      'Instances',
      [{ expr: `count(up{job="${service.name}"} == 1)`, legend: 'up' }],
      { x: 16, y: 16, w: 8 },
      'short',
      'stat',
    ),
  ];
  if (service.database)
    panels.push(
      panel(
        'Database pool: active / limit of all replicas',
        [
          {
            expr: `max(${METRICS.poolConnections}{${s},state="active"}) / sum(${METRICS.poolMax}{${s}})`,
            legend: 'used',
          },
        ],
        { x: 0, y: 24, w: 8 },
        'percentunit',
      ),
      panel(
        'Outbox backlog',
        [{ expr: `max(${METRICS.outboxBacklog}{${s}})`, legend: 'unpublished events' }],
        { x: 8, y: 24, w: 8 },
      ),
      panel(
        'Consumer lag',
        [{ expr: `max by (consumer) (${METRICS.consumerLag}{${s}})`, legend: '{{consumer}}' }],
        { x: 16, y: 24, w: 8 },
      ),
    );
  return dashboard(`sauda-${service.name}`, `Sauda / ${service.name}`, ['sauda', 'service'], panels);
}

/** Orders per minute, GMV, the checkout funnel, payment declines, deliveries on time. */
export function businessDashboard(): string {
  panelId = 0;
  const panels = [
    panel('Orders per minute', [{ expr: `sum(rate(${METRICS.ordersPlaced}[5m])) * 60`, legend: 'placed' }], {
      x: 0,
      y: 0,
    }),
    panel(
      'GMV per hour (major units, by currency)',
      [{ expr: `sum by (currency) (increase(${METRICS.gmv}[1h])) / 100`, legend: '{{currency}}' }],
      { x: 12, y: 0 },
    ),
    panel(
      'Checkout funnel (last hour)',
      [
        {
          expr: `sum by (step, outcome) (increase(${METRICS.checkoutSteps}[1h]))`,
          legend: '{{step}} {{outcome}}',
        },
      ],
      { x: 0, y: 8 },
    ),
    panel(
      'Payment declines (share of authorizations)',
      [
        {
          // A 3-D Secure challenge is not an answer yet: the share is of authorized and declined ones.
          expr: `sum(rate(${METRICS.paymentAuthorizations}{outcome="declined"}[15m])) / sum(rate(${METRICS.paymentAuthorizations}{outcome=~"authorized|declined"}[15m]))`,
          legend: 'declined',
        },
        {
          expr: `sum by (reason) (rate(${METRICS.paymentDeclines}[15m])) / scalar(sum(rate(${METRICS.paymentAuthorizations}{outcome=~"authorized|declined"}[15m])))`,
          legend: '{{reason}}',
        },
      ],
      { x: 12, y: 8 },
      'percentunit',
    ),
    panel(
      'Deliveries on time (share, last day)',
      [
        {
          expr: `sum(increase(${METRICS.deliveries}{on_time="true"}[1d])) / sum(increase(${METRICS.deliveries}[1d]))`,
          legend: 'on time',
        },
      ],
      { x: 0, y: 16 },
      'percentunit',
      'stat',
    ),
    panel(
      'Orders stuck in the saga',
      [{ expr: `max by (state) (${METRICS.sagaStuck})`, legend: '{{state}}' }],
      { x: 12, y: 16 },
    ),
  ];
  return dashboard('sauda-business', 'Sauda / business', ['sauda', 'business'], panels);
}

/** Grafana provisioning: the Prometheus data source and the dashboards folder. */
export function grafanaProvisioning(): Record<string, unknown> {
  return {
    'provisioning/datasources/prometheus.yaml': {
      apiVersion: 1,
      datasources: [
        {
          name: 'Prometheus',
          uid: 'prometheus',
          type: 'prometheus',
          access: 'proxy',
          url: 'http://prometheus:9090',
          isDefault: true,
        },
      ],
    },
    'provisioning/dashboards/sauda.yaml': {
      apiVersion: 1,
      providers: [
        {
          name: 'sauda',
          folder: 'Sauda',
          type: 'file',
          disableDeletion: true,
          options: { path: '/var/lib/grafana/dashboards' },
        },
      ],
    },
  };
}
