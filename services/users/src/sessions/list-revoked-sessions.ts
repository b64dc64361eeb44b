/** The sessions ended within the last access-token lifetime, which every verifier refuses (ADR 0008). */
import type { Queryable, RevokedSessions } from '@sauda/kit';
import type { Clock } from '../context.ts';
import { listRevokedSince } from '../data/sessions.ts';

/** Clocks of the verifiers may run a little ahead of ours. */
const SKEW_SECONDS = 60;

/** The sessions revoked after `since`, never further back than a token issued before them can live. */
export async function listRevokedSessions(
  ctx: { db: Queryable; clock: Clock; accessTokens: { ttlSeconds: number } },
  since: Date | undefined,
): Promise<RevokedSessions> {
  const now = ctx.clock();
  const windowSeconds = ctx.accessTokens.ttlSeconds + SKEW_SECONDS;
  const oldest = new Date(now.getTime() - windowSeconds * 1000);
  const from = since && since > oldest ? since : oldest;
  const rows = await listRevokedSince(ctx.db, from);
  return {
    asOf: now.toISOString(),
    windowSeconds,
    sessions: rows.map((row) => ({ id: row.id, revokedAt: row.revokedAt.toISOString() })),
  };
}
