/**
 * Checkout attempts: one Idempotency-Key per attempt, kept while the customer retries the same choices
 * (a timeout, a double click, a lost answer), new once any choice changes or the server said no for good.
 */

/** One attempt: its key and the choices it was made with. */
export interface Attempt {
  key: string;
  fingerprint: string;
}

/** The attempt to send now: the previous one when the choices are the same, else a new one. */
export function attemptFor(previous: Attempt | null, fingerprint: string, newKey: () => string): Attempt {
  if (previous && previous.fingerprint === fingerprint) return previous;
  return { key: newKey(), fingerprint };
}

/**
 * Whether a failed send may have created the order, so a retry must reuse its key: no answer at all,
 * a server error or a timeout. A refusal (4xx) is final for these choices; a conflict means the key is
 * still being processed, which is the same attempt too.
 */
export function keepsAttempt(status: number): boolean {
  return status === 0 || status === 408 || status === 409 || status >= 500;
}
