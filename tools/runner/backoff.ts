/** How a crashed service is restarted: 1 s doubling to a 30 s cap, forgiven after a minute of good health. */
export const BACKOFF = { firstMs: 1_000, capMs: 30_000, healthyResetMs: 60_000 } as const;

/** Delay before restarting a service that has crashed `crashes` times in a row (crashes ≥ 1). */
export function restartDelay(crashes: number): number {
  // Math.min also tames 2 ** n overflowing to Infinity after very long crash loops.
  return Math.min(BACKOFF.firstMs * 2 ** Math.max(0, crashes - 1), BACKOFF.capMs);
}

/** The crash streak after a child that ran for `uptimeMs` dies: a long healthy run starts a new streak. */
export function crashStreak(previous: number, uptimeMs: number): number {
  return uptimeMs >= BACKOFF.healthyResetMs ? 1 : previous + 1;
}
