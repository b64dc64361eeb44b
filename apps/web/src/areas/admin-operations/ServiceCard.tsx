import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../components/charts/index.ts';
import type { ServiceOperations } from './api.ts';
import { FaultBadge } from './FaultPanel.tsx';
import type { FaultState } from './faults-api.ts';

/** Number formatting for the figures of this page, in the visitor's locale. */
export interface Figures {
  rate: (value: number | null) => string;
  ms: (value: number | null) => string;
  percent: (value: number | null) => string;
  count: (value: number | null) => string;
}

/** A service's health as a coloured badge with words (colour is never the only signal). */
export function HealthBadge({ health }: { health: ServiceOperations['health'] | 'not_ready' }) {
  const { t } = useTranslation('admin-operations');
  return (
    <span className={`ops-badge ops-badge--${health}`}>
      <span className="ops-badge__dot" aria-hidden="true" />
      {t(`health.${health}`)}
    </span>
  );
}

/** One service: health, instances, the six figures, charts of the recent rate and p99, its replicas. */
export function ServiceCard({
  service,
  figures,
  fault,
}: {
  service: ServiceOperations;
  figures: Figures;
  /** This service's fault flags, when an admin looks at a dev or test run. */
  fault?: FaultState | undefined;
}) {
  const { t } = useTranslation('admin-operations');
  const rates = service.history.map((p) => p.requestsPerSecond);
  const p99s = service.history.map((p) => p.p99Ms);
  const failing = (service.errorRate ?? 0) >= 0.01;
  const cells = [
    { key: 'rps', value: figures.rate(service.requestsPerSecond) },
    { key: 'p99', value: figures.ms(service.p99Ms) },
    { key: 'errors', value: figures.percent(service.errorRate), alert: failing },
    { key: 'cpu', value: figures.percent(service.cpuPercent === null ? null : service.cpuPercent / 100) },
    { key: 'lag', value: figures.count(service.consumerLag), alert: (service.consumerLag ?? 0) > 1000 },
    {
      key: 'backlog',
      value: figures.count(service.outboxBacklog),
      alert: (service.outboxBacklog ?? 0) > 500,
    },
  ];
  return (
    <article className={`ops-card ops-card--${service.health}`} aria-labelledby={`ops-${service.service}`}>
      <header className="ops-card__head">
        <h2 id={`ops-${service.service}`} className="ops-card__name">
          {service.service}
        </h2>
        <span className="ops-card__badges">
          <FaultBadge state={fault} />
          <HealthBadge health={service.health} />
        </span>
      </header>
      <p className="ops-card__instances">
        {t('card.instances', { ready: service.instancesReady, total: service.instances })}
      </p>
      <dl className="ops-figures">
        {cells.map((cell) => (
          <div key={cell.key} className={`ops-figure${cell.alert ? ' ops-figure--alert' : ''}`}>
            <dt>{t(`card.${cell.key}` as 'card.rps')}</dt>
            <dd>{cell.value}</dd>
          </div>
        ))}
      </dl>
      {rates.length >= 2 ? (
        <div className="ops-charts">
          <Sparkline values={rates} label={t('card.chartRps', { count: rates.length })} />
          <Sparkline values={p99s} tone="muted" label={t('card.chartP99', { count: p99s.length })} />
          <p className="ops-legend" aria-hidden="true">
            <span className="ops-legend__item ops-legend__item--brand">{t('card.legendRps')}</span>
            <span className="ops-legend__item ops-legend__item--muted">{t('card.legendP99')}</span>
          </p>
        </div>
      ) : (
        <p className="ops-card__collecting">{t('card.collecting')}</p>
      )}
      <ul className="ops-replicas" aria-label={t('card.replicas')}>
        {service.replicas.map((replica) => (
          <li
            key={replica.url}
            className={`ops-replica ops-replica--${replica.health}`}
            title={t('card.replica', { url: replica.url, health: t(`health.${replica.health}`) })}
          >
            <span className="ops-badge__dot" aria-hidden="true" />
            <span className="ops-replica__url">{replica.url.replace(/^https?:\/\//, '')}</span>
            <span className="ops-replica__rate">{figures.rate(replica.requestsPerSecond)}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
