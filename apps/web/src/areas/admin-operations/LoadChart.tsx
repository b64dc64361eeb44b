import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeChart, type ChartSeries, type ChartTone } from '../../components/charts/index.ts';
import type { OperationsReport } from './api.ts';
import type { Figures } from './ServiceCard.tsx';

const TONES: ChartTone[] = ['brand', 'accent', 'success', 'warning'];

/** The system's load over the recent readings: requests per second of the four busiest services and the rest. */
export function LoadChart({ report, figures }: { report: OperationsReport; figures: Figures }) {
  const { t } = useTranslation('admin-operations');
  const time = useMemo(() => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }), []);
  const longest = report.services.reduce<OperationsReport['services'][number]['history']>(
    (best, s) => (s.history.length > best.length ? s.history : best),
    [],
  );
  if (longest.length < 2) return null;
  // Histories end at the same collection; a younger service's is shorter, so align them from the end.
  const aligned = (history: OperationsReport['services'][number]['history']) =>
    longest.map((_, i) => history[i - (longest.length - history.length)]?.requestsPerSecond ?? 0);
  const busiest = [...report.services]
    .map((s) => ({ service: s.service, values: aligned(s.history) }))
    .sort((a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0));
  const series: ChartSeries[] = busiest.slice(0, TONES.length).map((s, i) => ({
    key: s.service,
    label: s.service,
    values: s.values,
    tone: TONES[i] ?? 'muted',
  }));
  const rest = busiest.slice(TONES.length);
  if (rest.length > 0)
    series.push({
      key: 'others',
      label: t('load.others'),
      values: longest.map((_, i) => rest.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)),
      tone: 'muted',
    });
  return (
    <section className="ops-load chart-panel" aria-labelledby="ops-load-title">
      <h2 id="ops-load-title" className="chart-panel__title">
        {t('load.title')}
      </h2>
      <TimeChart
        testId="ops-load-chart"
        label={t('load.chart', { count: longest.length })}
        pointHeader={t('load.time')}
        points={longest.map((p) => {
          const at = time.format(new Date(p.at));
          return { key: p.at, short: at, long: at };
        })}
        series={series}
        formatValue={(v) => figures.rate(v)}
      />
    </section>
  );
}
