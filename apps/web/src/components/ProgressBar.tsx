/** Clamps a share of work done to a whole percentage between 0 and 100. */
export function percentOf(value: number, max: number): number {
  if (!(max > 0)) return 100;
  return Math.round(Math.min(1, Math.max(0, value / max)) * 100);
}

/**
 * A progress bar for long work (CSV import, route planning). Without `value` it is indeterminate
 * (an animated stripe) and says only that work is under way.
 */
export function ProgressBar({
  label,
  value,
  max = 100,
  caption,
  testId,
}: {
  label: string;
  value?: number;
  max?: number;
  /** Visible text beside the bar, e.g. "120 of 300 rows". */
  caption?: string;
  testId?: string;
}) {
  const percent = value === undefined ? undefined : percentOf(value, max);
  return (
    <div className="progress" data-testid={testId}>
      <div
        className={`progress__track ${percent === undefined ? 'progress__track--indeterminate' : ''}`.trim()}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span
          className="progress__bar"
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
      {caption && <span className="progress__caption">{caption}</span>}
    </div>
  );
}
