import { useEffect, useState } from 'react';
import { ProgressBar } from '../../components/ProgressBar.tsx';

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
  return <ProgressBar label={label} value={Math.round(share * 100)} caption={label} />;
}
