/** What the use cases share: the database, the clock, token settings and throttling limits. */
import type { Db, HttpClient } from '@sauda/kit';
import type { AccessTokenSettings } from './tokens/issue-access-token.ts';

/** The current time; tests pass their own to move it without waiting. */
export type Clock = () => Date;

export interface ThrottleSettings {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
}

export interface UsersContext {
  db: Db;
  clock: Clock;
  accessTokens: AccessTokenSettings;
  refreshTokenTtlMs: number;
  throttle: ThrottleSettings;
  /** Lifetimes of one-time tokens, in milliseconds. */
  ttl: { loginChallengeMs: number; passwordResetMs: number; emailVerificationMs: number };
  /** The origin of links in mail ('' for site-relative links). */
  webUrl: string;
  /** The payment service, for saved cards' token metadata. */
  payment: HttpClient;
  /** Service client id → secret, for service tokens (ADR 0004). */
  serviceClients: ReadonlyMap<string, string>;
  serviceTokenTtlSeconds: number;
}

/** Who is calling, as far as the request tells: stored with sessions, used for per-IP throttling. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}
