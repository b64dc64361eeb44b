import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarChart,
  ChartFigures,
  ChartPanel,
  dayPoints,
  formatCompactMoney,
  formatNumber,
  RangePicker,
  TimeChart,
  type RangeDays,
  OrdersPerDayPanel,
  panelState,
} from '../../components/charts/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { adminDashboardQueries } from './api.ts';

/** The marketplace's GMV and orders (orders) and its deliveries on time (shipping) over the chosen range. */
export function AdminDashboardPage() {
  const { t } = useTranslation('admin-dashboard');
  useDocumentTitle(t('title'));
  const { language, numbers, money } = useLocale();
  const [days, setDays] = useState<RangeDays>(30);
  const sales = useQuery(adminDashboardQueries.sales(days));
  const delivery = useQuery(adminDashboardQueries.delivery(days));
  const texts = { loading: t('state.loading'), error: t('state.error'), empty: t('state.empty') };
  const currency = sales.data?.currency ?? 'KZT';
  const amount = (value: number) => money({ amount: value, currency });
  const count = (value: number) => formatNumber(value, numbers);
  const rate = (part: number, whole: number) => (whole > 0 ? formatNumber(part / whole, numbers, true) : '—');

  const salesDays = sales.data?.days ?? [];
  const salesPoints = dayPoints(
    salesDays.map((d) => d.date),
    language,
  );
  const deliveryDays = delivery.data?.days ?? [];
  const deliveryPoints = dayPoints(
    deliveryDays.map((d) => d.date),
    language,
  );
  const cities = delivery.data?.cities ?? [];
  const noSales = (sales.data?.totals.orders ?? 0) === 0;
  const delivered = delivery.data ? delivery.data.totals.onTime + delivery.data.totals.late : 0;
  const deliverySeries = [
    { key: 'onTime', label: t('delivery.onTime'), tone: 'success' as const },
    { key: 'late', label: t('delivery.late'), tone: 'warning' as const },
  ];

  return (
    <div className="chart-dashboard" data-testid="admin-dashboard">
      <header className="chart-dashboard__head">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('subtitle')}</p>
        </div>
        <RangePicker
          value={days}
          onChange={setDays}
          label={t('range.label')}
          optionLabel={(n) => t('range.option', { n })}
        />
      </header>
      {sales.data && delivery.data && (
        <ChartFigures
          label={t('figures.label')}
          items={[
            { label: t('figures.gmv'), value: amount(sales.data.totals.gmv) },
            { label: t('figures.orders'), value: count(sales.data.totals.orders) },
            {
              label: t('figures.cancelRate'),
              value: rate(sales.data.totals.cancelled, sales.data.totals.orders),
            },
            { label: t('figures.onTimeRate'), value: rate(delivery.data.totals.onTime, delivered) },
          ]}
        />
      )}
      <div className="chart-dashboard__grid">
        <ChartPanel
          wide
          testId="chart-gmv"
          title={t('gmv.title')}
          figure={sales.data ? amount(sales.data.totals.gmv) : undefined}
          state={panelState(sales, noSales)}
          error={sales.error}
          onRetry={() => void sales.refetch()}
          texts={texts}
        >
          <TimeChart
            label={t('gmv.chart', { n: days })}
            pointHeader={t('day')}
            points={salesPoints}
            series={[
              { key: 'gmv', label: t('gmv.title'), values: salesDays.map((d) => d.gmv), tone: 'brand' },
            ]}
            formatValue={amount}
            formatTick={(value) => formatCompactMoney(value, currency, numbers)}
          />
        </ChartPanel>
        <OrdersPerDayPanel
          days={salesDays}
          points={salesPoints}
          figure={sales.data ? count(sales.data.totals.orders) : undefined}
          state={panelState(sales, noSales)}
          error={sales.error}
          onRetry={() => void sales.refetch()}
          texts={texts}
          labels={{
            title: t('orders.title'),
            chart: t('orders.chart', { n: days }),
            day: t('day'),
            kept: t('orders.kept'),
            cancelled: t('orders.cancelled'),
          }}
          formatCount={count}
        />
        <ChartPanel
          testId="chart-on-time"
          title={t('delivery.title')}
          figure={delivery.data ? rate(delivery.data.totals.onTime, delivered) : undefined}
          state={panelState(delivery, delivered === 0)}
          error={delivery.error}
          onRetry={() => void delivery.refetch()}
          texts={texts}
        >
          <BarChart
            label={t('delivery.chart', { n: days })}
            pointHeader={t('day')}
            points={deliveryPoints}
            series={deliverySeries.map((s) => ({
              ...s,
              values: deliveryDays.map((d) => (s.key === 'onTime' ? d.onTime : d.late)),
            }))}
            formatValue={count}
          />
        </ChartPanel>
        <ChartPanel
          wide
          testId="chart-cities"
          title={t('cities.title')}
          state={panelState(delivery, cities.length === 0)}
          error={delivery.error}
          onRetry={() => void delivery.refetch()}
          texts={texts}
        >
          <BarChart
            label={t('cities.chart', { n: days })}
            pointHeader={t('city')}
            points={cities.map((c) => {
              const name = c.city || '—';
              return { key: name, short: name, long: `${name} · ${rate(c.onTime, c.onTime + c.late)}` };
            })}
            series={deliverySeries.map((s) => ({
              ...s,
              values: cities.map((c) => (s.key === 'onTime' ? c.onTime : c.late)),
            }))}
            formatValue={count}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
