/**
 * The recovery sweep of card authorizations: an intent stored `processing` whose process died before its
 * bank answered is asked about again (the intent id is the bank's idempotency key, so a bank that did
 * authorize answers that, and nothing is held twice). Every replica sweeps; `SKIP LOCKED` shares the rows.
 */
import { startSweeper, type Sweeper } from '@sauda/kit';
import type { Logger } from 'pino';
import type { PaymentContext } from '../context.ts';
import { authorizeForgotten } from './create-intent.ts';

/** How often each replica looks. */
export const FORGOTTEN_SWEEP_MS = 10_000;

/** Sweeps for forgotten card authorizations until stopped. */
export function startForgottenAuthorizationSweep(ctx: PaymentContext, logger: Logger): Sweeper {
  // Older than any authorization still in progress could be: it would have timed out by then.
  const olderThanMs = Math.max(30_000, 3 * ctx.providerTimeoutMs);
  return startSweeper(
    FORGOTTEN_SWEEP_MS,
    async () => {
      const { asked, failure } = await authorizeForgotten(ctx, olderThanMs);
      if (asked > 0) logger.info({ asked }, 'asked the bank again about forgotten card authorizations');
      if (failure !== undefined)
        logger.warn({ err: failure }, 'the bank could not be asked again about a forgotten authorization');
    },
    (err) => logger.warn({ err }, 'forgotten authorization sweep failed; retried next interval'),
  );
}
