import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarChart,
  ChartPanel,
  DashboardFrame,
  SalesPanels,
  useDashboard,
  type RangeDays,
} from '../../components/charts/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { adminDashboardQueries } from './api.ts';

/** The marketplace's GMV and orders (orders) and its deliveries on time (shipping) over the chosen range. */
export function AdminDashboardPage() {
  const { t } = useTranslation('admin-dashboard');
  useDocumentTitle(t('title'));
  const [days, setDays] = useState<RangeDays>(30);
  const sales = useQuery(adminDashboardQueries.sales(days));
  const delivery = useQuery(adminDashboardQueries.delivery(days));
  const format = useDashboard(sales.data?.currency ?? 'KZT');
  const { count, rate } = format;

  const deliveryDays = delivery.data?.days ?? [];
  const cities = delivery.data?.cities ?? [];
  const delivered = delivery.data ? delivery.data.totals.onTime + delivery.data.totals.late : 0;
  const deliverySeries = [
    { key: 'onTime', label: t('delivery.onTime'), tone: 'success' as const },
    { key: 'late', label: t('delivery.late'), tone: 'warning' as const },
  ];

  return (
    <DashboardFrame
      testId="admin-dashboard"
      title={t('title')}
      subtitle={t('subtitle')}
      days={days}
      onDays={setDays}
      figures={
        sales.data && delivery.data
          ? [
              { label: t('figures.gmv'), value: format.amount(sales.data.totals.gmv) },
              { label: t('figures.orders'), value: count(sales.data.totals.orders) },
              {
                label: t('figures.cancelRate'),
                value: rate(sales.data.totals.cancelled, sales.data.totals.orders),
              },
              { label: t('figures.onTimeRate'), value: rate(delivery.data.totals.onTime, delivered) },
            ]
          : undefined
      }
    >
      <SalesPanels
        sales={sales}
        testId="chart-gmv"
        labels={{
          salesTitle: t('gmv.title'),
          salesChart: t('gmv.chart', { n: days }),
          ordersChart: t('orders.chart', { n: days }),
        }}
        format={format}
      />
      <ChartPanel
        testId="chart-on-time"
        title={t('delivery.title')}
        figure={delivery.data ? rate(delivery.data.totals.onTime, delivered) : undefined}
        query={delivery}
        empty={delivered === 0}
      >
        <BarChart
          label={t('delivery.chart', { n: days })}
          pointHeader={format.dayHeader}
          points={format.points(deliveryDays.map((d) => d.date))}
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
        query={delivery}
        empty={cities.length === 0}
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
    </DashboardFrame>
  );
}
