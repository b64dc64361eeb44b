import { useEffect, useState } from 'react';

/** A progress bar for the optimiser's time budget: the search runs on the server for about that long. */
export function PlanProgress({ budgetMs, label }: { budgetMs: number; label: string }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - started), 100);
    return () => clearInterval(timer);
  }, []);
  // Creeps towards 95 % after the budget: writing the plan takes a moment more.
  const share = Math.min(0.95, elapsed / (budgetMs * 1.15));
  return (
    <div
      className="dm-progress"
      role="progressbar"
      aria-label={label}
      aria-valuenow={Math.round(share * 100)}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <span className="dm-progress__bar" style={{ width: `${share * 100}%` }} />
      <span className="dm-progress__label">{label}</span>
    </div>
  );
}
