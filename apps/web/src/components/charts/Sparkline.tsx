/** A small area chart of recent values (no axes); the label says what it shows for screen readers. */
import { useId } from 'react';
import { AreaGradient } from './Axes.tsx';
import { sparklinePaths } from './scale.ts';
import './charts.css';

const WIDTH = 240;
const HEIGHT = 44;

export function Sparkline({
  values,
  label,
  tone = 'brand',
}: {
  values: ReadonlyArray<number | null>;
  label: string;
  tone?: 'brand' | 'muted';
}) {
  const gradient = useId();
  const { line, area, last } = sparklinePaths(values, WIDTH, HEIGHT);
  return (
    <svg
      className={`chart-spark chart-tone--${tone}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <AreaGradient id={gradient} opacity={0.28} />
      <line x1="0" x2={WIDTH} y1={HEIGHT - 1} y2={HEIGHT - 1} className="chart-spark__base" />
      {area && <path d={area} fill={`url(#${gradient})`} />}
      {line && <path d={line} className="chart-spark__line" vectorEffect="non-scaling-stroke" />}
      {last && <circle cx={last.x} cy={last.y} r="2.5" className="chart-spark__now" />}
    </svg>
  );
}
