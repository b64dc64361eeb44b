/**
 * Webhook signatures in Stripe's scheme (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`), used by the
 * sandbox bank and checked for Stripe's own webhooks. A signature older than the tolerance is refused (replay).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureInvalid } from '../errors.ts';

/** Signs a payload at `atSeconds`. */
export function signPayload(body: string, secret: string, atSeconds = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${atSeconds}.${body}`).digest('hex');
  return `t=${atSeconds},v1=${mac}`;
}

/** Throws WEBHOOK_SIGNATURE_INVALID unless one v1 signature matches and the timestamp is within tolerance. */
export function verifySignature(
  body: string,
  header: string | undefined,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  if (!header) throw new WebhookSignatureInvalid('no signature header');
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string | undefined]);
  const at = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!Number.isInteger(at) || given.length === 0)
    throw new WebhookSignatureInvalid('malformed signature header');
  if (Math.abs(nowSeconds - at) > toleranceSeconds)
    throw new WebhookSignatureInvalid('signature timestamp outside tolerance');
  const expected = Buffer.from(createHmac('sha256', secret).update(`${at}.${body}`).digest('hex'));
  const ok = given.some((sig) => {
    const candidate = Buffer.from(sig);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!ok) throw new WebhookSignatureInvalid('signature does not match');
}
