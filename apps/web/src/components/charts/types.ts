/** What every chart draws: named series of values over the same points (days, cities). */

/** A chart colour, from the design tokens (light and dark). */
export type ChartTone = 'brand' | 'accent' | 'success' | 'danger' | 'warning' | 'muted';

/** One series: a label for the legend, tooltip and table, and one value per point. */
export interface ChartSeries {
  key: string;
  label: string;
  values: readonly number[];
  tone: ChartTone;
}

/** One point of the horizontal axis: a short label for the axis, a long one for the tooltip and table. */
export interface ChartPoint {
  key: string;
  short: string;
  long: string;
}

/** What a chart needs besides its data: its accessible name, and how to write its values. */
export interface ChartCommon {
  /** The accessible name of the chart (what it shows, over which range). */
  label: string;
  points: readonly ChartPoint[];
  series: readonly ChartSeries[];
  /** A value for the tooltip and the table ("12 500 ₸"). */
  formatValue: (value: number, series: ChartSeries) => string;
  /** A value for the vertical axis, shorter ("1,2 млн ₸"); defaults to formatValue. */
  formatTick?: (value: number) => string;
  /** The header of the table's first column ("Day", "City"). */
  pointHeader: string;
}
