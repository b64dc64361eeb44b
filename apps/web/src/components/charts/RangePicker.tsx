/** The date range of a dashboard: the last 7, 30 or 90 days, as a group of toggle buttons. */
import './charts.css';

export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

export function RangePicker({
  value,
  onChange,
  label,
  optionLabel,
}: {
  value: RangeDays;
  onChange: (days: RangeDays) => void;
  /** The group's name ("Period"). */
  label: string;
  /** The words of one option ("30 days"). */
  optionLabel: (days: RangeDays) => string;
}) {
  return (
    <div className="chart-range" role="group" aria-label={label}>
      {RANGES.map((days) => (
        <button
          key={days}
          type="button"
          className="chart-range__option"
          aria-pressed={days === value}
          onClick={() => onChange(days)}
        >
          {optionLabel(days)}
        </button>
      ))}
    </div>
  );
}
