/**
 * What the seller's and the marketplace's dashboards share: the frame with its range and key figures,
 * the formats of their values, and the first row of panels (sales and orders per day).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import { BarChart } from './BarChart.tsx';
import { ChartFigures, ChartPanel, type PanelQuery } from './ChartPanel.tsx';
import { dayPoints, formatCompactMoney, formatNumber } from './format.ts';
import { RangePicker, type RangeDays } from './RangePicker.tsx';
import { TimeChart } from './TimeChart.tsx';

/** A dashboard's values in the visitor's locale (amounts of `currency`, counts, rates, days) and its day header. */
export function useDashboard(currency: string) {
  const { t } = useTranslation();
  const { language, numbers, money } = useLocale();
  return {
    amount: (value: number) => money({ amount: value, currency }),
    tick: (value: number) => formatCompactMoney(value, currency, numbers),
    count: (value: number) => formatNumber(value, numbers),
    /** `part` of `whole` as a percentage, or a dash when there is no whole. */
    rate: (part: number, whole: number) => (whole > 0 ? formatNumber(part / whole, numbers, true) : '—'),
    points: (dates: readonly string[]) => dayPoints(dates, language),
    /** The header of a per-day chart's table ("Day"). */
    dayHeader: t('dashboard.day'),
  };
}

export type DashboardFormats = ReturnType<typeof useDashboard>;

/** The page: its heading and range picker, the period's key figures once loaded, and the grid of panels. */
export function DashboardFrame({
  testId,
  title,
  subtitle,
  days,
  onDays,
  figures,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  days: RangeDays;
  onDays: (days: RangeDays) => void;
  /** The key figures of the period; none while their queries load. */
  figures?: ReadonlyArray<{ label: string; value: string }> | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="chart-dashboard" data-testid={testId}>
      <header className="section-head chart-dashboard__head">
        <div>
          <h1>{title}</h1>
          <p>{subtitle}</p>
        </div>
        <RangePicker
          value={days}
          onChange={onDays}
          label={t('dashboard.range.label')}
          optionLabel={(n) => t('dashboard.range.option', { n })}
        />
      </header>
      {figures && <ChartFigures label={t('dashboard.figures')} items={figures} />}
      <div className="chart-dashboard__grid">{children}</div>
    </div>
  );
}

/** The orders service's sales series, as both dashboards read it. */
interface SalesSeriesLike {
  days: ReadonlyArray<{ date: string; gmv: number; orders: number; cancelled: number }>;
  totals: { gmv: number; orders: number };
}

/** The first row of both dashboards: sales (GMV) per day, wide, then orders per day, kept and cancelled stacked. */
export function SalesPanels({
  sales,
  testId,
  labels,
  format,
}: {
  sales: PanelQuery & { data?: SalesSeriesLike | undefined };
  /** The test id of the sales panel (the orders panel's is chart-orders). */
  testId: string;
  /** The page's words for the sales panel and for what the orders chart shows. */
  labels: { salesTitle: string; salesChart: string; ordersChart: string };
  format: DashboardFormats;
}) {
  const { t } = useTranslation();
  const days = sales.data?.days ?? [];
  const points = format.points(days.map((d) => d.date));
  const empty = (sales.data?.totals.orders ?? 0) === 0;
  return (
    <>
      <ChartPanel
        wide
        testId={testId}
        title={labels.salesTitle}
        figure={sales.data ? format.amount(sales.data.totals.gmv) : undefined}
        query={sales}
        empty={empty}
      >
        <TimeChart
          label={labels.salesChart}
          pointHeader={format.dayHeader}
          points={points}
          series={[{ key: 'gmv', label: labels.salesTitle, values: days.map((d) => d.gmv), tone: 'brand' }]}
          formatValue={format.amount}
          formatTick={format.tick}
        />
      </ChartPanel>
      <ChartPanel
        testId="chart-orders"
        title={t('dashboard.orders.title')}
        figure={sales.data ? format.count(sales.data.totals.orders) : undefined}
        query={sales}
        empty={empty}
      >
        <BarChart
          label={labels.ordersChart}
          pointHeader={format.dayHeader}
          points={points}
          series={[
            {
              key: 'kept',
              label: t('dashboard.orders.kept'),
              values: days.map((d) => d.orders - d.cancelled),
              tone: 'brand',
            },
            {
              key: 'cancelled',
              label: t('dashboard.orders.cancelled'),
              values: days.map((d) => d.cancelled),
              tone: 'danger',
            },
          ]}
          formatValue={format.count}
        />
      </ChartPanel>
    </>
  );
}
