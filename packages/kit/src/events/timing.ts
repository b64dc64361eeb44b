/** Waiting helpers shared by the relay, the consumers and the transports. */

/** Exponential backoff: how long to wait before try number `attempt` (1-based). */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** `initialMs · 2^(attempt-1)`, capped at `maxMs`, with ±20 % jitter so replicas do not retry in step. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exponential = policy.initialMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(policy.maxMs, exponential);
  return Math.round(capped * (0.8 + Math.random() * 0.4));
}

/**
 * A sleep that can be cut short: `wake()` ends the current sleep, or the next one when nobody is
 * sleeping (so a notification that arrives while the loop is busy is not lost).
 */
export class Waker {
  #pending = false;
  #wakeCurrent: (() => void) | null = null;

  /** Sleeps up to `ms`; returns early on `wake()`. */
  async sleep(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        if (this.#wakeCurrent === finish) this.#wakeCurrent = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.#wakeCurrent = finish;
    });
  }

  /** Ends the current sleep now, or makes the next one return at once. */
  wake(): void {
    if (this.#wakeCurrent) this.#wakeCurrent();
    else this.#pending = true;
  }
}

/** Races a promise against a deadline; rejects with `onTimeout()` when the deadline wins. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The message of anything thrown, for logs and error columns. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
