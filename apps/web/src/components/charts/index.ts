/** The app's charts: hand-written, responsive, accessible SVG (no chart library). */
export { BarChart } from './BarChart.tsx';
export { ChartFigures, ChartPanel, panelState, type PanelQuery, type PanelState } from './ChartPanel.tsx';
export { DashboardFrame, SalesPanels, useDashboard, type DashboardFormats } from './Dashboard.tsx';
export { dayPoints, formatCompactMoney, formatDay, formatNumber } from './format.ts';
export { RangePicker, RANGES, type RangeDays } from './RangePicker.tsx';
export { Sparkline } from './Sparkline.tsx';
export { TimeChart } from './TimeChart.tsx';
export type { ChartPoint, ChartSeries, ChartTone } from './types.ts';
