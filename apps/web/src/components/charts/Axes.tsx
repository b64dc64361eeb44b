/** The SVG pieces charts share: the frame's geometry, the grid and axis labels, and an area's fading fill. */
import { labelIndexes } from './scale.ts';
import type { ChartPoint } from './types.ts';

/** The SVG's coordinates are the plot's own pixels (measured), so its text keeps its size on any screen. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  plotWidth: number;
  plotHeight: number;
}

/** The frame of a chart `width` pixels wide (640 before it is measured, as on the server). */
export function frameOf(width = 640): Frame {
  const w = Math.max(240, Math.round(width));
  const height = w < 480 ? 220 : 260;
  const box = { width: w, height, left: 64, right: 12, top: 12, bottom: 30 };
  return { ...box, plotWidth: w - box.left - box.right, plotHeight: height - box.top - box.bottom };
}

/** The y of a value on a plot whose top tick is `top`. */
export const yOf = (frame: Frame, value: number, top: number) =>
  frame.top + frame.plotHeight - (Math.max(value, 0) / top) * frame.plotHeight;

/** Horizontal grid lines with their tick labels, and the point labels under the plot. */
export function Axes({
  frame,
  ticks,
  formatTick,
  points,
  xOf,
}: {
  frame: Frame;
  ticks: readonly number[];
  formatTick: (value: number) => string;
  points: readonly ChartPoint[];
  xOf: (index: number) => number;
}) {
  const top = ticks.at(-1) ?? 1;
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            className={tick === 0 ? 'chart__axis' : 'chart__grid'}
            x1={frame.left}
            x2={frame.width - frame.right}
            y1={yOf(frame, tick, top)}
            y2={yOf(frame, tick, top)}
          />
          <text
            className="chart__tick"
            x={frame.left - 8}
            y={yOf(frame, tick, top)}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {labelIndexes(points.length, frame.width < 480 ? 4 : 6).map((i) => (
        <text
          key={points[i]?.key}
          className="chart__tick"
          x={xOf(i)}
          y={frame.height - 8}
          // A label at the plot's right edge ends there rather than spilling out of the chart.
          textAnchor={xOf(i) > frame.width - frame.right - 24 ? 'end' : 'middle'}
        >
          {points[i]?.short}
        </text>
      ))}
    </g>
  );
}

/** A vertical gradient of the current colour, from `opacity` at the top to nothing, to fill an area under a line. */
export function AreaGradient({ id, opacity }: { id: string; opacity: number }) {
  return (
    <defs>
      <linearGradient id={id} x1="0" x2="0" y1="0" y2="1">
        <stop offset="0%" stopColor="currentColor" stopOpacity={opacity} />
        <stop offset="100%" stopColor="currentColor" stopOpacity="0" />
      </linearGradient>
    </defs>
  );
}
