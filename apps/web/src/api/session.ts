import { send } from './http.ts';
import { tokenLifetimeMs } from './jwt.ts';
import { ApiError } from './problem.ts';
import type { AuthAnswer, User } from './types.ts';

/** Where the session stands: being restored at start-up, signed in, or signed out. */
export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

/** What the UI renders from: the status and the signed-in user. */
export interface SessionSnapshot {
  status: SessionStatus;
  user: User | null;
}

/** The refresh token lives in localStorage (it must survive reloads); the access token only in memory. */
export const REFRESH_TOKEN_KEY = 'sauda.refreshToken';
const ASSUMED_LIFETIME_MS = 15 * 60_000;
const RETRY_AFTER_MS = 30_000;
const LOCK_NAME = 'sauda.session.refresh';

let snapshot: SessionSnapshot = { status: 'restoring', user: null };
let accessToken: string | null = null;
let accessExpiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<string | null> | null = null;
let refreshTokenFallback: string | null = null;
const listeners = new Set<() => void>();

/** The session store, shaped for React's useSyncExternalStore. */
export const session = {
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): SessionSnapshot => snapshot,
};

/** Begins a session from a login, register or refresh answer. */
export function startSession(answer: AuthAnswer): void {
  writeRefreshToken(answer.refreshToken);
  setAccessToken(answer.accessToken);
  setSnapshot({ status: 'signedIn', user: answer.user });
}

/** Forgets both tokens and the user. */
export function endSession(): void {
  clearTimeout(refreshTimer);
  accessToken = null;
  accessExpiresAt = 0;
  writeRefreshToken(null);
  setSnapshot({ status: 'signedOut', user: null });
}

/** The tokens as they are now, for the logout call that must still present them. */
export function currentTokens(): { accessToken: string | null; refreshToken: string | null } {
  return { accessToken, refreshToken: readRefreshToken() };
}

/** An access token good for at least a few more seconds, refreshing first if needed; null when anonymous. */
export async function getAccessToken(): Promise<string | null> {
  if (!readRefreshToken()) return null;
  if (accessToken && Date.now() < accessExpiresAt - 5_000) return accessToken;
  try {
    return await refreshSession();
  } catch {
    // The API is unreachable right now: go on without a token; public routes still answer.
    return null;
  }
}

/**
 * Trades the stored refresh token for a new pair, once at a time (also across tabs, since the server
 * rotates refresh tokens). Resolves to the new access token, or null when the server refused it and the
 * session ended; rejects on network or server trouble, keeping the session to retry later.
 */
export function refreshSession(): Promise<string | null> {
  inFlight ??= withLock(refreshNow).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Restores the session at start-up from a stored refresh token, and keeps it in step with other tabs. */
export function restoreSession(): void {
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisible);
  if (!readRefreshToken()) {
    setSnapshot({ status: 'signedOut', user: null });
    return;
  }
  refreshSession().catch(() => {
    // Retried by the timer refreshNow set; meanwhile the visitor browses signed out.
    if (snapshot.status === 'restoring') setSnapshot({ status: 'signedOut', user: null });
  });
}

async function refreshNow(): Promise<string | null> {
  // Read storage, not memory: another tab may have rotated the token while we waited for the lock.
  const refreshToken = readRefreshToken();
  if (!refreshToken) {
    endSession();
    return null;
  }
  try {
    const answer = await send<AuthAnswer>('/auth/refresh', { method: 'POST', body: { refreshToken } });
    startSession(answer);
    return answer.accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      endSession();
      return null;
    }
    scheduleRefresh(RETRY_AFTER_MS);
    throw error;
  }
}

function setAccessToken(token: string): void {
  const lifetime = tokenLifetimeMs(token) ?? ASSUMED_LIFETIME_MS;
  accessToken = token;
  accessExpiresAt = Date.now() + lifetime;
  // Refresh a minute early (a quarter early for very short tokens) so requests never carry a stale token.
  scheduleRefresh(Math.max(lifetime - Math.min(60_000, lifetime / 4), 1_000));
}

function scheduleRefresh(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshSession().catch(() => {
      // refreshNow has already scheduled the next attempt.
    });
  }, delayMs);
}

function onStorage(event: StorageEvent): void {
  if (event.key !== REFRESH_TOKEN_KEY) return;
  if (event.newValue === null && snapshot.status === 'signedIn') endSession();
  if (event.newValue !== null && snapshot.status === 'signedOut') restoreFromOtherTab();
}

function restoreFromOtherTab(): void {
  refreshSession().catch(() => {
    // Retried by the timer.
  });
}

function onVisible(): void {
  // Timers sleep in background tabs; catch up as soon as the tab is seen again.
  if (document.visibilityState !== 'visible' || snapshot.status !== 'signedIn') return;
  if (Date.now() >= accessExpiresAt - 60_000) restoreFromOtherTab();
}

async function withLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return await navigator.locks.request(LOCK_NAME, task);
  }
  return await task();
}

function setSnapshot(next: SessionSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function readRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return refreshTokenFallback;
  }
}

function writeRefreshToken(token: string | null): void {
  refreshTokenFallback = token;
  try {
    if (token === null) localStorage.removeItem(REFRESH_TOKEN_KEY);
    else localStorage.setItem(REFRESH_TOKEN_KEY, token);
  } catch {
    // Storage blocked: the session still works until the tab closes.
  }
}
