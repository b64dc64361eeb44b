/** A line chart over time (days), one line per series, the first filled as an area; hover or arrows read it. */
import { useId } from 'react';
import { AreaGradient, yOf } from './Axes.tsx';
import { ChartFrame, usePlot } from './ChartFrame.tsx';
import { linePath } from './scale.ts';
import type { ChartCommon } from './types.ts';

/** Draws `series` over `points`; with one point it still draws a dot, with none an empty plot. */
export function TimeChart(props: ChartCommon & { testId?: string }) {
  const { points, series } = props;
  const gradient = useId();
  const plot = usePlot(props, Math.max(0, ...series.flatMap((s) => s.values)));
  const { frame: f, active, top } = plot;
  const step = points.length > 1 ? f.plotWidth / (points.length - 1) : 0;
  const xOf = (i: number) => f.left + (points.length > 1 ? i * step : f.plotWidth / 2);
  const bottom = f.top + f.plotHeight;
  return (
    <ChartFrame
      chart={props}
      plot={plot}
      xOf={xOf}
      indexAt={(x) => (step > 0 ? Math.round((x - f.left) / step) : 0)}
      testId={props.testId}
    >
      <AreaGradient id={gradient} opacity={0.25} />
      {series.map((s, k) => {
        const coords = s.values.map((v, i) => ({ x: xOf(i), y: yOf(f, v, top) }));
        const line = linePath(coords);
        return (
          <g key={s.key} className={`chart-tone--${s.tone}`}>
            {k === 0 && coords.length > 1 && (
              <path
                className="chart__area"
                d={`${line} L${coords.at(-1)?.x} ${bottom} L${coords[0]?.x} ${bottom} Z`}
                fill={`url(#${gradient})`}
              />
            )}
            {coords.length > 1 && <path className="chart__line" d={line} />}
            {coords.length === 1 && (
              <circle className="chart__dot" cx={coords[0]?.x} cy={coords[0]?.y} r="4" />
            )}
            {active !== null && coords[active] && (
              <circle className="chart__dot" cx={coords[active].x} cy={coords[active].y} r="4.5" />
            )}
          </g>
        );
      })}
      {active !== null && (
        <line className="chart__cursor" x1={xOf(active)} x2={xOf(active)} y1={f.top} y2={bottom} />
      )}
    </ChartFrame>
  );
}
