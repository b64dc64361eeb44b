/** A line chart over time (days), one line per series, the first filled as an area; hover or arrows read it. */
import { useId, type MouseEvent } from 'react';
import { Axes, frameOf, yOf } from './Axes.tsx';
import { ChartFrame, useActivePoint, usePlotWidth } from './ChartFrame.tsx';
import { axisTicks, linePath } from './scale.ts';
import type { ChartCommon } from './types.ts';

/** Draws `series` over `points`; with one point it still draws a dot, with none an empty plot. */
export function TimeChart(props: ChartCommon & { testId?: string }) {
  const { points, series, label } = props;
  const gradient = useId();
  const { active, setActive, onKeyDown, onFocus, clear } = useActivePoint(points.length);
  const [plotRef, width] = usePlotWidth();
  const f = frameOf(width);
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = axisTicks(max);
  const top = ticks.at(-1) ?? 1;
  const step = points.length > 1 ? f.plotWidth / (points.length - 1) : 0;
  const xOf = (i: number) => f.left + (points.length > 1 ? i * step : f.plotWidth / 2);
  const pointer = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * f.width;
    const i = step > 0 ? Math.round((x - f.left) / step) : 0;
    setActive(Math.min(points.length - 1, Math.max(0, i)));
  };
  const first = series[0];
  const tick = props.formatTick ?? ((v: number) => (first ? props.formatValue(v, first) : String(v)));
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
        <defs>
          <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor="currentColor" stopOpacity="0.25" />
            <stop offset="100%" stopColor="currentColor" stopOpacity="0" />
          </linearGradient>
        </defs>
        <Axes frame={f} ticks={ticks} formatTick={tick} points={points} xOf={xOf} />
        {series.map((s, k) => {
          const coords = s.values.map((v, i) => ({ x: xOf(i), y: yOf(f, v, top) }));
          const line = linePath(coords);
          const bottom = f.top + f.plotHeight;
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
          <line
            className="chart__cursor"
            x1={xOf(active)}
            x2={xOf(active)}
            y1={f.top}
            y2={f.top + f.plotHeight}
          />
        )}
      </svg>
    </ChartFrame>
  );
}
