/**
 * Following a change feed (ADR 0009): a reader asks "what changed since my cursor?" every `intervalMs`,
 * applies the answer, and keeps the new cursor. One poll at a time; a failed poll keeps the cursor, so
 * the next one covers the gap; after `RESTART_AFTER_FAILURES` in a row the cursor is dropped (a feed that
 * refuses it, or lost its rows), and the next answer is `all`. `fresh(ms)` says whether the last successful poll is recent enough for the
 * reader to trust what it holds for longer than a short TTL.
 */

/** One answer of a feed: the ids changed since the cursor asked with, or `all` (start, long gap, burst). */
export interface CatalogChanges {
  /** Opaque; the next poll sends it back. */
  cursor: string;
  /** Everything may have changed: drop all (also the first answer, to a reader without a cursor). */
  all: boolean;
  /** The product ids whose pages changed (empty when `all`). */
  products: string[];
}

export interface FeedFollower {
  /** Whether a poll succeeded within the last `ms`. */
  fresh(ms: number): boolean;
  /** Whether the feed is followed: a poll succeeded within a few intervals (at least 2 s). */
  live(): boolean;
  /** Polls now (tests, or after a write); resolves when that poll has been applied. */
  poll(): Promise<void>;
  stop(): void;
}

export interface FollowOptions {
  intervalMs: number;
  read(cursor: string | undefined): Promise<CatalogChanges>;
  apply(changes: CatalogChanges): void;
  onError?: (error: unknown) => void;
  now?: () => number;
}

const RESTART_AFTER_FAILURES = 8;

/** Starts following; the first poll runs at once. */
export function followChanges(options: FollowOptions): FeedFollower {
  const now = options.now ?? Date.now;
  let cursor: string | undefined;
  let lastOk = Number.NEGATIVE_INFINITY;
  let inflight: Promise<void> | undefined;
  let stopped = false;
  let failures = 0;

  const poll = (): Promise<void> => {
    inflight ??= (async () => {
      try {
        const asked = now();
        const changes = await options.read(cursor);
        if (stopped) return;
        options.apply(changes);
        cursor = changes.cursor;
        lastOk = asked;
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures >= RESTART_AFTER_FAILURES) cursor = undefined;
        options.onError?.(error);
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  void poll();
  const timer = setInterval(() => void poll(), options.intervalMs);
  timer.unref();
  const fresh = (ms: number) => now() - lastOk <= ms;
  const liveMs = Math.max(2_000, options.intervalMs * 8);
  return {
    fresh,
    live: () => fresh(liveMs),
    poll,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
