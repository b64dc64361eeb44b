/** Stacked bars, one per point (a day, a city), one segment per series; hover or arrows read them. */
import { yOf } from './Axes.tsx';
import { ChartFrame, usePlot } from './ChartFrame.tsx';
import type { ChartCommon } from './types.ts';

/** Draws the series stacked in their order (the first at the bottom). */
export function BarChart(props: ChartCommon & { testId?: string }) {
  const { points, series } = props;
  const totals = points.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const plot = usePlot(props, Math.max(0, ...totals));
  const { frame: f, active, top } = plot;
  const slot = points.length > 0 ? f.plotWidth / points.length : f.plotWidth;
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  const xOf = (i: number) => f.left + slot * (i + 0.5);
  return (
    <ChartFrame
      chart={props}
      plot={plot}
      xOf={xOf}
      indexAt={(x) => Math.floor((x - f.left) / slot)}
      testId={props.testId}
    >
      {active !== null && (
        <rect
          className="chart__band"
          x={f.left + slot * active}
          width={slot}
          y={f.top}
          height={f.plotHeight}
        />
      )}
      {points.map((p, i) => {
        let base = 0;
        return (
          <g key={p.key}>
            {series.map((s) => {
              const value = Math.max(0, s.values[i] ?? 0);
              if (value === 0) return null;
              const y = yOf(f, base + value, top);
              const height = yOf(f, base, top) - y;
              base += value;
              return (
                <rect
                  key={s.key}
                  className={`chart__bar chart-tone--${s.tone}`}
                  x={xOf(i) - barWidth / 2}
                  width={barWidth}
                  y={y}
                  height={Math.max(height, 0.5)}
                  rx={Math.min(3, barWidth / 4)}
                />
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
