/**
 * Carrier webhook signatures: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. A signature older than
 * the tolerance is refused, so a captured webhook cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureInvalid } from '../errors.ts';

/** Signs a body at `atSeconds`. */
export function signBody(body: string, secret: string, atSeconds = Math.floor(Date.now() / 1000)): string {
  return `t=${atSeconds},v1=${createHmac('sha256', secret).update(`${atSeconds}.${body}`).digest('hex')}`;
}

/** Throws WEBHOOK_SIGNATURE_INVALID unless `header` signs `body` with `secret` within the tolerance. */
export function verifyBody(
  body: string,
  header: string | undefined,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  if (!header) throw new WebhookSignatureInvalid('no signature header');
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string | undefined]));
  const at = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '');
  if (!Number.isInteger(at) || given.length === 0) throw new WebhookSignatureInvalid('malformed signature');
  if (Math.abs(nowSeconds - at) > toleranceSeconds) throw new WebhookSignatureInvalid('signature too old');
  const expected = Buffer.from(createHmac('sha256', secret).update(`${at}.${body}`).digest('hex'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new WebhookSignatureInvalid('signature does not match');
}
