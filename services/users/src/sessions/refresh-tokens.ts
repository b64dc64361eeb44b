/** Refresh tokens: 32 random bytes handed to the client once; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto';

/** A new token and the hash to store for it. */
export function newRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRefreshToken(token) };
}

/** The stored form of a token: lowercase hex SHA-256. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
