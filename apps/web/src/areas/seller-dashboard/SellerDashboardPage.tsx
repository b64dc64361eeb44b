import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
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
import { sellerDashboardQueries } from './api.ts';

/** The seller's sales (orders) and money (payment) over the chosen range, as charts with their totals. */
export function SellerDashboardPage() {
  const { t } = useTranslation('seller-dashboard');
  useDocumentTitle(t('title'));
  const { language, numbers, money } = useLocale();
  const [days, setDays] = useState<RangeDays>(30);
  const sales = useQuery(sellerDashboardQueries.sales(days));
  const payouts = useQuery(sellerDashboardQueries.money(days));
  const texts = { loading: t('state.loading'), error: t('state.error'), empty: t('state.empty') };
  const currency = sales.data?.currency ?? payouts.data?.currency ?? 'KZT';
  const amount = (value: number) => money({ amount: value, currency });
  const tick = (value: number) => formatCompactMoney(value, currency, numbers);
  const count = (value: number) => formatNumber(value, numbers);

  const salesDays = sales.data?.days ?? [];
  const salesPoints = dayPoints(
    salesDays.map((d) => d.date),
    language,
  );
  const moneyDays = payouts.data?.days ?? [];
  const moneyPoints = dayPoints(
    moneyDays.map((d) => d.date),
    language,
  );
  const noSales = (sales.data?.totals.orders ?? 0) === 0;
  const noMoney = payouts.data ? Object.values(payouts.data.totals).every((v) => v === 0) : true;

  return (
    <div className="chart-dashboard" data-testid="seller-dashboard">
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
      {sales.data && payouts.data && (
        <ChartFigures
          label={t('figures.label')}
          items={[
            { label: t('figures.orders'), value: count(sales.data.totals.orders) },
            { label: t('figures.sales'), value: amount(sales.data.totals.gmv) },
            { label: t('figures.cancelled'), value: count(sales.data.totals.cancelled) },
            { label: t('figures.settled'), value: amount(payouts.data.totals.settled) },
            { label: t('figures.paidOut'), value: amount(payouts.data.totals.paidOut) },
          ]}
        />
      )}
      <div className="chart-dashboard__grid">
        <ChartPanel
          wide
          testId="chart-sales"
          title={t('sales.title')}
          figure={sales.data ? amount(sales.data.totals.gmv) : undefined}
          state={panelState(sales, noSales)}
          error={sales.error}
          onRetry={() => void sales.refetch()}
          texts={texts}
        >
          <TimeChart
            label={t('sales.chart', { n: days })}
            pointHeader={t('day')}
            points={salesPoints}
            series={[
              { key: 'gmv', label: t('sales.title'), values: salesDays.map((d) => d.gmv), tone: 'brand' },
            ]}
            formatValue={amount}
            formatTick={tick}
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
          testId="chart-payouts"
          title={t('money.title')}
          figure={payouts.data ? amount(payouts.data.totals.paidOut) : undefined}
          state={panelState(payouts, noMoney)}
          error={payouts.error}
          onRetry={() => void payouts.refetch()}
          texts={texts}
        >
          <TimeChart
            label={t('money.chart', { n: days })}
            pointHeader={t('day')}
            points={moneyPoints}
            series={[
              {
                key: 'settled',
                label: t('money.settled'),
                values: moneyDays.map((d) => d.settled),
                tone: 'brand',
              },
              {
                key: 'paidOut',
                label: t('money.paidOut'),
                values: moneyDays.map((d) => d.paidOut),
                tone: 'success',
              },
              {
                key: 'refunded',
                label: t('money.refunded'),
                values: moneyDays.map((d) => d.refunded),
                tone: 'danger',
              },
            ]}
            formatValue={amount}
            formatTick={tick}
          />
        </ChartPanel>
      </div>
    </div>
  );
}
