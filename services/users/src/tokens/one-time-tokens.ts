/** Single-use tokens for links in mail and the second sign-in step: random, stored as SHA-256 only. */
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@sauda/kit';
import { insertOneTimeToken, type TokenPurpose } from '../data/one-time-tokens.ts';
import { hashRefreshToken, newRefreshToken } from '../sessions/refresh-tokens.ts';

/** Stores a new token's hash and returns the token itself: the only moment it exists outside mail. */
export async function issueOneTimeToken(
  tx: Tx,
  accountId: string,
  purpose: TokenPurpose,
  now: Date,
  ttlMs: number,
): Promise<string> {
  // The same construction as refresh tokens: 32 random bytes, only the SHA-256 kept.
  const { token, tokenHash } = newRefreshToken();
  await insertOneTimeToken(tx, {
    id: uuidv7(),
    accountId,
    purpose,
    tokenHash,
    now,
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  return token;
}

/** The stored form of a one-time token. */
export const hashOneTimeToken = hashRefreshToken;
