import { createElement as h } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from '../render.testing.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { DashboardFrame, SalesPanels, type DashboardFormats } from './Dashboard.tsx';

const query = (over: { isPending?: boolean; isError?: boolean; error?: unknown } = {}) => ({
  isPending: false,
  isError: false,
  error: null,
  refetch: () => Promise.resolve(),
  ...over,
});
const format: DashboardFormats = {
  amount: (v) => `${v / 100} ₸`,
  tick: (v) => String(v),
  count: (v) => String(v),
  rate: (part, whole) => `${Math.round((part / whole) * 100)}%`,
  points: (dates) => dates.map((d) => ({ key: d, short: d, long: d })),
  dayHeader: 'Day',
};
const panel = (q: ReturnType<typeof query>, empty: boolean) =>
  render(
    h(ChartPanel, {
      title: 'Sales',
      figure: '12 ₸',
      query: q,
      empty,
      testId: 'p',
      children: h('svg', { id: 'plot' }),
    }),
  );

describe('a dashboard panel', () => {
  it('takes its state from its query, in the app words, and draws the chart only when ready', () => {
    const loading = panel(query({ isPending: true }), false);
    expect(loading).toContain('data-state="loading"');
    expect(loading).toContain('Loading the chart…');
    expect(loading).not.toContain('id="plot"');

    const failed = panel(query({ isError: true, error: new Error('down') }), false);
    expect(failed).toContain('data-state="error"');
    expect(failed).toContain('Could not load this chart');

    const empty = panel(query(), true);
    expect(empty).toContain('Nothing in this period yet.');
    expect(empty).not.toContain('12 ₸');

    const ready = panel(query(), false);
    expect(ready).toContain('data-state="ready"');
    expect(ready).toContain('id="plot"');
    expect(ready).toContain('12 ₸');
  });
});

describe('the dashboard frame and its sales panels', () => {
  const sales = {
    ...query(),
    data: {
      days: [
        { date: '2026-11-20', gmv: 5000, orders: 3, cancelled: 1 },
        { date: '2026-11-21', gmv: 7000, orders: 2, cancelled: 0 },
      ],
      totals: { gmv: 12000, orders: 5 },
    },
  };
  const html = render(
    h(DashboardFrame, {
      testId: 'board',
      title: 'Dashboard',
      subtitle: 'Over time',
      days: 30,
      onDays: () => undefined,
      figures: [{ label: 'Orders', value: '5' }],
      children: h(SalesPanels, {
        sales,
        testId: 'chart-sales',
        labels: { salesTitle: 'Sales', salesChart: 'Sales per day', ordersChart: 'Orders per day' },
        format,
      }),
    }),
  );

  it('shows the heading, the range with the chosen one pressed, and the key figures', () => {
    expect(html).toContain('data-testid="board"');
    expect(html).toContain('<h1>Dashboard</h1>');
    expect(html).toMatch(/aria-pressed="true"[^>]*>30 days</);
    expect(html).toContain('aria-label="This period"');
  });

  it('draws sales per day and orders per day, kept and cancelled, with their totals', () => {
    expect(html).toContain('data-testid="chart-sales"');
    expect(html).toContain('data-testid="chart-orders"');
    expect(html).toContain('120 ₸');
    expect(html).toContain('<th scope="row">2026-11-20</th><td>2</td><td>1</td>');
  });
});
