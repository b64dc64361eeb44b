/**
 * Sign-in throttling with a sliding window: too many failures for one account address, or from one
 * IP, lock further attempts until the oldest counted failure leaves the window. Locks always expire.
 */
import { RateLimited, withTransaction } from '@sauda/kit';
import type { UsersContext } from '../context.ts';
import {
  clearAttempts,
  deleteAttempts,
  insertAttempt,
  lockAttemptKeys,
  nthRecentAttemptAt,
  pruneAttempts,
  type AttemptKey,
} from '../data/login-attempts.ts';

/** An attempt in flight: it counts as a failure unless `succeeded()` is called. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/** Takes an attempt slot for this address and IP, or throws RATE_LIMITED with `retryAfter` seconds. */
export async function beginLoginAttempt(
  ctx: UsersContext,
  email: string,
  ip: string | null,
): Promise<LoginAttempt> {
  const { windowMs, maxFailuresPerAccount, maxFailuresPerIp } = ctx.throttle;
  const now = ctx.clock();
  const since = new Date(now.getTime() - windowMs);
  const account: AttemptKey = { scope: 'account', key: email };
  const limits: Array<[AttemptKey, number]> = [[account, maxFailuresPerAccount]];
  if (ip) limits.push([{ scope: 'ip', key: ip }, maxFailuresPerIp]);

  // Recording the attempt before the password is checked, under a lock, makes the count exact.
  const taken = await withTransaction(ctx.db, async (tx) => {
    await lockAttemptKeys(
      tx,
      limits.map(([key]) => key),
    );
    let lockedUntil = 0;
    for (const [key, limit] of limits) {
      const nth = await nthRecentAttemptAt(tx, key, limit, since);
      if (nth) lockedUntil = Math.max(lockedUntil, nth.getTime() + windowMs);
    }
    if (lockedUntil > 0) return { locked: true as const, lockedUntil };
    await pruneAttempts(tx, since);
    const ids: string[] = [];
    for (const [key] of limits) ids.push(await insertAttempt(tx, key, now));
    return { locked: false as const, ids };
  });

  if (taken.locked) {
    const retryAfter = Math.max(1, Math.ceil((taken.lockedUntil - now.getTime()) / 1000));
    throw new RateLimited('Too many failed sign-in attempts; try again later', { retryAfter });
  }
  return {
    succeeded: async () => {
      await deleteAttempts(ctx.db, taken.ids);
      await clearAttempts(ctx.db, account);
    },
  };
}
