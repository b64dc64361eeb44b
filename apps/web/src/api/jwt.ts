/**
 * How long a JWT stays valid, in milliseconds, from its `iat` and `exp` claims (so a skewed local clock
 * does not matter); null when the token carries no readable `exp`.
 */
export function tokenLifetimeMs(token: string, now = Date.now()): number | null {
  const claims = readClaims(token);
  if (typeof claims?.exp !== 'number') return null;
  if (typeof claims.iat === 'number') return (claims.exp - claims.iat) * 1000;
  return claims.exp * 1000 - now;
}

function readClaims(token: string): { exp?: unknown; iat?: unknown } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const parsed: unknown = JSON.parse(atob(padded));
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}
