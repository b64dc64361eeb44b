/** Stacked bars, one per point (a day, a city), one segment per series; hover or arrows read them. */
import type { MouseEvent } from 'react';
import { Axes, frameOf, yOf } from './Axes.tsx';
import { ChartFrame, useActivePoint, usePlotWidth } from './ChartFrame.tsx';
import { axisTicks } from './scale.ts';
import type { ChartCommon } from './types.ts';

/** Draws the series stacked in their order (the first at the bottom). */
export function BarChart(props: ChartCommon & { testId?: string }) {
  const { points, series, label } = props;
  const { active, setActive, onKeyDown, onFocus, clear } = useActivePoint(points.length);
  const [plotRef, width] = usePlotWidth();
  const f = frameOf(width);
  const totals = points.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));
  const ticks = axisTicks(Math.max(0, ...totals));
  const top = ticks.at(-1) ?? 1;
  const slot = points.length > 0 ? f.plotWidth / points.length : f.plotWidth;
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  const xOf = (i: number) => f.left + slot * (i + 0.5);
  const pointer = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * f.width;
    setActive(Math.min(points.length - 1, Math.max(0, Math.floor((x - f.left) / slot))));
  };
  const tick = props.formatTick ?? ((v: number) => (series[0] ? props.formatValue(v, series[0]) : String(v)));
  return (
    <ChartFrame
      chart={props}
      active={active}
      activeX={active === null ? null : xOf(active) / f.width}
      testId={props.testId}
      plotRef={plotRef}
    >
      <svg
        className="chart__svg"
        viewBox={`0 0 ${f.width} ${f.height}`}
        role="img"
        aria-label={label}
        tabIndex={points.length > 0 ? 0 : -1}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={clear}
        onMouseMove={points.length > 0 ? pointer : undefined}
        onMouseLeave={clear}
      >
        <Axes frame={f} ticks={ticks} formatTick={tick} points={points} xOf={xOf} />
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
      </svg>
    </ChartFrame>
  );
}
