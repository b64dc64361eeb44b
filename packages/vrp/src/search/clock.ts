/** Search progress in [0, 1] from a time budget and/or an iteration budget, whichever runs out first. */
export class Budget {
  private readonly since: number;
  iterations = 0;

  constructor(
    private readonly now: () => number,
    private readonly budgetMs: number,
    private readonly maxIterations: number,
  ) {
    this.since = now();
  }

  /** Fraction used; ≥ 1 means stop. */
  progress(): number {
    const byIterations = this.iterations / this.maxIterations;
    const byTime = this.budgetMs === Infinity ? 0 : (this.now() - this.since) / this.budgetMs;
    return Math.max(byIterations, byTime);
  }
}
