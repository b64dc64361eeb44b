/** SVG paths for a small chart of recent values: no chart library, just a polyline and its filled area. */

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
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { line, area: `${line} L${width} ${height} L0 ${height} Z`, last: points.at(-1) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
