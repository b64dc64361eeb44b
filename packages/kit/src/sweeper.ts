/** A periodic background job of a service (expiry sweeps, recovery sweeps): one run at a time, stoppable. */

/** A running sweeper; `stop()` waits for the run in progress. */
export interface Sweeper {
  stop(): Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs` (the first time after one interval, or at once with `runAtStart`). A run
 * still going when the next is due is not doubled: that tick is skipped. A failed run goes to `onError` and
 * the next tick tries again.
 */
export function startSweeper(
  intervalMs: number,
  sweep: () => Promise<unknown>,
  onError: (error: unknown) => void,
  options: { runAtStart?: boolean } = {},
): Sweeper {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = sweep()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        running = undefined;
      });
  };
  if (options.runAtStart) tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
