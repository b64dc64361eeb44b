import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { operationsQuery, REFRESH_MS, type OperationsReport } from './api.ts';
import { FaultPanel } from './FaultPanel.tsx';
import { faultsQuery } from './faults-api.ts';
import { LoadChart } from './LoadChart.tsx';
import { ServiceCard, type Figures } from './ServiceCard.tsx';
import './operations.css';

/** Formatters for rates, milliseconds, shares and counts in the visitor's locale; "—" for no figure. */
function useFigures(): Figures {
  const { numbers } = useLocale();
  const { t } = useTranslation('admin-operations');
  return useMemo(() => {
    const oneDecimal = new Intl.NumberFormat(numbers, { maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(numbers, { maximumFractionDigits: 0 });
    const share = new Intl.NumberFormat(numbers, { style: 'percent', maximumFractionDigits: 1 });
    const dash = '—';
    return {
      rate: (v) => (v === null ? dash : (v >= 100 ? whole : oneDecimal).format(v)),
      ms: (v) => (v === null ? dash : t('unit.ms', { value: (v >= 100 ? whole : oneDecimal).format(v) })),
      percent: (v) => (v === null ? dash : share.format(v)),
      count: (v) => (v === null ? dash : whole.format(v)),
    };
  }, [numbers, t]);
}

/** Live load and health of every service: refreshes every few seconds, one card per service. */
export function OperationsPage() {
  const { t } = useTranslation('admin-operations');
  useDocumentTitle(t('title'));
  const { user } = useSession();
  const staff = user?.roles.some((role) => role === 'admin' || role === 'support') ?? false;
  const report = useQuery({ ...operationsQuery, enabled: staff });
  // Fault flags are for admins only (support reads the figures); absent outside dev and test runs.
  const admin = user?.roles.includes('admin') ?? false;
  const faults = useQuery({ ...faultsQuery, enabled: admin });
  const figures = useFigures();
  const time = useMemo(() => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }), []);

  if (!staff)
    return (
      <div className="container page">
        <EmptyState icon="user" title={t('forbidden.title')}>
          {t('forbidden.text')}
        </EmptyState>
      </div>
    );
  return (
    <div className="container page ops-page">
      <header className="ops-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="ops-muted">{t('subtitle')}</p>
        </div>
        <p className="ops-live" aria-live="polite">
          <span className="ops-live__state">
            <span
              className={`ops-live__dot${report.isFetching ? ' ops-live__dot--busy' : ''}`}
              aria-hidden="true"
            />
            {t('live', { seconds: REFRESH_MS / 1000 })}
          </span>
          {report.data && (
            <span className="ops-muted">
              {t('updated', { time: time.format(new Date(report.data.collectedAt)) })}
            </span>
          )}
        </p>
      </header>
      {report.isPending ? (
        <Skeleton />
      ) : report.isError && !report.data ? (
        <ErrorState title={t('error')} error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.services.length === 0 ? (
        <EmptyState icon="box" title={t('empty')} />
      ) : (
        <>
          <Summary report={report.data} figures={figures} />
          <LoadChart report={report.data} figures={figures} />
          <div className="ops-grid">
            {report.data.services.map((service) => (
              <ServiceCard
                key={service.service}
                service={service}
                figures={figures}
                fault={faults.data?.services.find((f) => f.service === service.service)}
              />
            ))}
          </div>
          {admin && <FaultPanel />}
        </>
      )}
    </div>
  );
}

/** The whole system at a glance: services ready, total rate, the slowest p99, the error share. */
function Summary({ report, figures }: { report: OperationsReport; figures: Figures }) {
  const { t } = useTranslation('admin-operations');
  const { services } = report;
  const ready = services.filter((s) => s.health === 'ready').length;
  const known = services.filter((s) => s.requestsPerSecond !== null);
  const total = known.length ? known.reduce((sum, s) => sum + (s.requestsPerSecond ?? 0), 0) : null;
  const p99s = services.flatMap((s) => (s.p99Ms === null ? [] : [s.p99Ms]));
  const weighted = known.filter((s) => s.errorRate !== null);
  const requests = weighted.reduce((sum, s) => sum + (s.requestsPerSecond ?? 0), 0);
  const errors =
    requests > 0
      ? weighted.reduce((sum, s) => sum + (s.errorRate ?? 0) * (s.requestsPerSecond ?? 0), 0) / requests
      : null;
  const tiles = [
    { key: 'services', value: `${ready} / ${services.length}`, alert: ready < services.length },
    { key: 'requests', value: figures.rate(total) },
    { key: 'worstP99', value: figures.ms(p99s.length ? Math.max(...p99s) : null) },
    { key: 'errors', value: figures.percent(errors), alert: (errors ?? 0) >= 0.01 },
  ];
  return (
    <section className="ops-summary" aria-label={t('summary.label')}>
      {tiles.map((tile) => (
        <div key={tile.key} className={`ops-tile${tile.alert ? ' ops-tile--alert' : ''}`}>
          <span className="ops-tile__label">{t(`summary.${tile.key}` as 'summary.services')}</span>
          <span className="ops-tile__value">{tile.value}</span>
        </div>
      ))}
    </section>
  );
}

function Skeleton() {
  return (
    <div className="ops-grid" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="ops-card">
          <span className="skeleton skeleton--title" />
          <span className="skeleton skeleton--text" />
          <span className="skeleton ops-skeleton-chart" />
        </div>
      ))}
    </div>
  );
}
