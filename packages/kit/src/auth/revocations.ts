/**
 * Sessions that ended before their access tokens expire (logout, blocked account, password change, refresh
 * token reuse), as `users` lists them (ADR 0008). A verifier polls the list and refuses tokens of those
 * sessions, so a blocked account is shut out within seconds rather than when its token expires.
 */

/** What `users` answers at `GET /.well-known/revoked-sessions.json?since=`. */
export interface RevokedSessions {
  /** The server time the list is complete up to; the next poll asks from a little before it. */
  asOf: string;
  /** How far back the list reaches: the access-token lifetime plus clock skew. */
  windowSeconds: number;
  sessions: { id: string; revokedAt: string }[];
}

/** Loads the sessions revoked after `since` (all in the window when undefined). */
export type FetchRevokedSessions = (since: string | undefined) => Promise<RevokedSessions>;

/** Revocations committed out of order by concurrent transactions are still seen by the next poll. */
const OVERLAP_MS = 30_000;

/** The ended sessions known so far, refreshed in the background. */
export interface SessionDenylist {
  has(sessionId: string): boolean;
  refresh(): Promise<void>;
  close(): void;
}

/** A denylist polling `load` every `refreshMs`; while the source is down the last list stays in force. */
export function createSessionDenylist(load: FetchRevokedSessions, refreshMs: number): SessionDenylist {
  const ended = new Map<string, number>();
  let asOf: number | undefined;
  let inflight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    inflight ??= (async () => {
      try {
        const since = asOf === undefined ? undefined : new Date(asOf - OVERLAP_MS).toISOString();
        const list = await load(since);
        for (const session of list.sessions) ended.set(session.id, Date.parse(session.revokedAt));
        asOf = Date.parse(list.asOf);
        // Every token of a session revoked before the window has expired by now: forget the session.
        const oldest = asOf - list.windowSeconds * 1000;
        for (const [id, revokedAt] of ended) if (revokedAt < oldest) ended.delete(id);
      } catch {
        // Keep the last list: an outage of users must not lock every signed-in customer out of the others.
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  void refresh();
  const timer = setInterval(() => void refresh(), refreshMs);
  timer.unref();
  return { has: (sessionId) => ended.has(sessionId), refresh, close: () => clearInterval(timer) };
}
