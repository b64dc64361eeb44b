import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChartPanel,
  DashboardFrame,
  SalesPanels,
  TimeChart,
  useDashboard,
  type RangeDays,
} from '../../components/charts/index.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { sellerDashboardQueries } from './api.ts';

/** The seller's sales (orders) and money (payment) over the chosen range, as charts with their totals. */
export function SellerDashboardPage() {
  const { t } = useTranslation('seller-dashboard');
  useDocumentTitle(t('title'));
  const [days, setDays] = useState<RangeDays>(30);
  const sales = useQuery(sellerDashboardQueries.sales(days));
  const payouts = useQuery(sellerDashboardQueries.money(days));
  const format = useDashboard(sales.data?.currency ?? payouts.data?.currency ?? 'KZT');
  const { amount, count } = format;

  const moneyDays = payouts.data?.days ?? [];
  const noMoney = payouts.data ? Object.values(payouts.data.totals).every((v) => v === 0) : true;
  const moneySeries = (
    [
      { key: 'settled', tone: 'brand' },
      { key: 'paidOut', tone: 'success' },
      { key: 'refunded', tone: 'danger' },
    ] as const
  ).map((s) => ({ ...s, label: t(`money.${s.key}`), values: moneyDays.map((d) => d[s.key]) }));

  return (
    <DashboardFrame
      testId="seller-dashboard"
      title={t('title')}
      subtitle={t('subtitle')}
      days={days}
      onDays={setDays}
      figures={
        sales.data && payouts.data
          ? [
              { label: t('figures.orders'), value: count(sales.data.totals.orders) },
              { label: t('figures.sales'), value: amount(sales.data.totals.gmv) },
              { label: t('figures.cancelled'), value: count(sales.data.totals.cancelled) },
              { label: t('figures.settled'), value: amount(payouts.data.totals.settled) },
              { label: t('figures.paidOut'), value: amount(payouts.data.totals.paidOut) },
            ]
          : undefined
      }
    >
      <SalesPanels
        sales={sales}
        testId="chart-sales"
        labels={{
          salesTitle: t('sales.title'),
          salesChart: t('sales.chart', { n: days }),
          ordersChart: t('orders.chart', { n: days }),
        }}
        format={format}
      />
      <ChartPanel
        testId="chart-payouts"
        title={t('money.title')}
        figure={payouts.data ? amount(payouts.data.totals.paidOut) : undefined}
        query={payouts}
        empty={noMoney}
      >
        <TimeChart
          label={t('money.chart', { n: days })}
          pointHeader={format.dayHeader}
          points={format.points(moneyDays.map((d) => d.date))}
          series={moneySeries}
          formatValue={amount}
          formatTick={format.tick}
        />
      </ChartPanel>
    </DashboardFrame>
  );
}
