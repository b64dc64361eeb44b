import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security.ts';

describe('the security headers computed once at start', () => {
  it('are helmet’s set for the gateway’s CSP, with HSTS only when asked for', () => {
    const lower = (pairs: Array<[string, string]>) =>
      new Map(pairs.map(([name, value]) => [name.toLowerCase(), value]));
    const on = lower(securityHeaders(true));
    expect(on.get('content-security-policy')).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
        "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';" +
        "style-src 'self' 'unsafe-inline';connect-src 'self'",
    );
    expect(on.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(on.get('x-frame-options')).toBe('DENY');
    expect(on.get('x-content-type-options')).toBe('nosniff');
    expect(on.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(on.has('cross-origin-embedder-policy')).toBe(false);
    const off = lower(securityHeaders(false));
    expect(off.has('strict-transport-security')).toBe(false);
    expect([...off.keys()]).toEqual([...on.keys()].filter((name) => name !== 'strict-transport-security'));
  });
});
