/**
 * What every chart shares: its measured plot and axes, the legend, the tooltip that follows the pointer
 * and the arrow keys, and the data as a visually hidden table for screen readers.
 */
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { Axes, frameOf } from './Axes.tsx';
import { axisTicks, moveIndex } from './scale.ts';
import type { ChartCommon } from './types.ts';
import './charts.css';

/** The point under the pointer or the keyboard focus, and the handlers that move it. */
export function useActivePoint(length: number) {
  const [active, setActive] = useState<number | null>(null);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const next = moveIndex(event.key, active, length);
      if (next === null) return;
      event.preventDefault();
      setActive(next);
    },
    [active, length],
  );
  const clear = useCallback(() => setActive(null), []);
  const onFocus = useCallback(() => setActive((now) => now ?? (length > 0 ? length - 1 : null)), [length]);
  return { active, setActive, onKeyDown, onFocus, clear };
}

/** The plot's width in pixels, followed as its container resizes (640 until measured). */
export function usePlotWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const measured = element.getBoundingClientRect().width;
      if (measured > 0) setWidth(Math.round(measured));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The plot of a chart whose largest value is `max`: its measured frame, its axis ticks and the point in focus. */
export function usePlot(chart: ChartCommon, max: number) {
  const focus = useActivePoint(chart.points.length);
  const [plotRef, width] = usePlotWidth();
  const ticks = axisTicks(max);
  return { ...focus, plotRef, frame: frameOf(width), ticks, top: ticks.at(-1) ?? 1 };
}

export type Plot = ReturnType<typeof usePlot>;

/**
 * The frame: a figure with the legend above, the SVG with its axes and the chart's own marks
 * (`children`), the tooltip and the hidden table. `xOf` places a point; `indexAt` finds the point
 * nearest an x of the plot (for the pointer).
 */
export function ChartFrame({
  chart,
  plot,
  xOf,
  indexAt,
  children,
  testId,
}: {
  chart: ChartCommon;
  plot: Plot;
  xOf: (index: number) => number;
  indexAt: (x: number) => number;
  children: ReactNode;
  testId?: string | undefined;
}) {
  const { frame: f, active } = plot;
  const count = chart.points.length;
  const point = active === null ? undefined : chart.points[active];
  // Where the active point sits, as a fraction of the plot's width (for the tooltip).
  const activeX = active === null ? null : xOf(active) / f.width;
  const pointer = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * f.width;
    plot.setActive(Math.min(count - 1, Math.max(0, indexAt(x))));
  };
  const first = chart.series[0];
  const tick = chart.formatTick ?? ((v: number) => (first ? chart.formatValue(v, first) : String(v)));
  return (
    <figure className="chart" data-testid={testId}>
      <ul className="chart__legend" aria-hidden="true">
        {chart.series.map((s) => (
          <li key={s.key} className={`chart__legend-item chart-tone--${s.tone}`}>
            <span className="chart__swatch" />
            {s.label}
          </li>
        ))}
      </ul>
      <div className="chart__plot" ref={plot.plotRef}>
        <svg
          className="chart__svg"
          viewBox={`0 0 ${f.width} ${f.height}`}
          role="img"
          aria-label={chart.label}
          tabIndex={count > 0 ? 0 : -1}
          onKeyDown={plot.onKeyDown}
          onFocus={plot.onFocus}
          onBlur={plot.clear}
          onMouseMove={count > 0 ? pointer : undefined}
          onMouseLeave={plot.clear}
        >
          <Axes frame={f} ticks={plot.ticks} formatTick={tick} points={chart.points} xOf={xOf} />
          {children}
        </svg>
        {point && activeX !== null && active !== null && (
          <div
            className={`chart__tooltip${activeX > 0.6 ? ' chart__tooltip--left' : ''}`}
            style={{ left: `${activeX * 100}%` }}
            role="status"
            aria-live="polite"
          >
            <strong>{point.long}</strong>
            {chart.series.map((s) => (
              <span key={s.key} className={`chart__tooltip-row chart-tone--${s.tone}`}>
                <span className="chart__swatch" aria-hidden="true" />
                {s.label}: {chart.formatValue(s.values[active] ?? 0, s)}
              </span>
            ))}
          </div>
        )}
      </div>
      <table className="visually-hidden">
        <caption>{chart.label}</caption>
        <thead>
          <tr>
            <th scope="col">{chart.pointHeader}</th>
            {chart.series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.points.map((p, i) => (
            <tr key={p.key}>
              <th scope="row">{p.long}</th>
              {chart.series.map((s) => (
                <td key={s.key}>{chart.formatValue(s.values[i] ?? 0, s)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
