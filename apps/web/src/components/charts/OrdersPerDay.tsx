/** Orders per day, kept and cancelled stacked: the seller's and the marketplace's dashboards show the same panel. */
import type { ComponentProps } from 'react';
import { BarChart } from './BarChart.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import type { ChartPoint } from './types.ts';

type PanelProps = Omit<ComponentProps<typeof ChartPanel>, 'children' | 'title' | 'testId' | 'wide'>;

export function OrdersPerDayPanel({
  days,
  points,
  labels,
  formatCount,
  ...panel
}: PanelProps & {
  days: ReadonlyArray<{ orders: number; cancelled: number }>;
  points: ChartPoint[];
  /** The words of the panel, in the page's language. */
  labels: { title: string; chart: string; day: string; kept: string; cancelled: string };
  formatCount: (value: number) => string;
}) {
  return (
    <ChartPanel testId="chart-orders" title={labels.title} {...panel}>
      <BarChart
        label={labels.chart}
        pointHeader={labels.day}
        points={points}
        series={[
          { key: 'kept', label: labels.kept, values: days.map((d) => d.orders - d.cancelled), tone: 'brand' },
          { key: 'cancelled', label: labels.cancelled, values: days.map((d) => d.cancelled), tone: 'danger' },
        ]}
        formatValue={formatCount}
      />
    </ChartPanel>
  );
}
