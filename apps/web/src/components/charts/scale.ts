/** Pure geometry for the hand-written SVG charts: nice axis ticks, label spacing, paths, keyboard moves. */

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `value`; 1 for nothing to show. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * power >= value - power * 1e-9) ?? 10;
  return nice * power;
}

/** Evenly spaced ticks from 0 to the lowest nice top covering `max`, in 3 to 5 steps (4 when equal). */
export function axisTicks(max: number): number[] {
  const [best] = [4, 5, 3]
    .map((count) => ({ count, step: niceCeil(Math.max(max, 0) / count) }))
    .sort((a, b) => a.step * a.count - b.step * b.count);
  const { count, step } = best ?? { count: 4, step: 1 };
  return Array.from({ length: count + 1 }, (_, i) => round(i * step, 6));
}

/** Which of `length` points get an axis label: at most `max`, evenly spread, the last always. */
export function labelIndexes(length: number, max = 6): number[] {
  if (length <= 0) return [];
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const every = Math.ceil((length - 1) / (max - 1));
  const picked = new Set<number>();
  for (let i = length - 1; i >= 0; i -= every) picked.add(i);
  return [...picked].sort((a, b) => a - b);
}

/** The point index a key moves to (arrows, Home, End), or null for other keys. */
export function moveIndex(key: string, index: number | null, length: number): number | null {
  if (length === 0) return null;
  // The first key press shows the latest point, then the arrows walk from there.
  const from = index ?? length;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, from - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(length - 1, index === null ? length - 1 : from + 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** A polyline through points, as SVG path data. */
export function linePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

export interface SparklinePaths {
  line: string;
  area: string;
  /** The last point, for a dot marking "now". */
  last?: { x: number; y: number };
}

/**
 * Scales values into a `width` × `height` box (0 at the bottom, the largest value near the top);
 * nulls (no requests in that interval) are drawn as zero. Fewer than two points draw nothing.
 */
export function sparklinePaths(
  values: ReadonlyArray<number | null>,
  width: number,
  height: number,
): SparklinePaths {
  if (values.length < 2) return { line: '', area: '' };
  const numbers = values.map((v) => (v === null || !Number.isFinite(v) ? 0 : Math.max(v, 0)));
  const top = Math.max(...numbers) || 1;
  const pad = 2;
  const step = width / (numbers.length - 1);
  const points = numbers.map((v, i) => ({
    x: round(i * step),
    y: round(height - pad - (v / top) * (height - 2 * pad)),
  }));
  const line = linePath(points);
  return { line, area: `${line} L${width} ${height} L0 ${height} Z`, last: points.at(-1) };
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
