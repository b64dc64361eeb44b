import { describe, expect, it } from 'vitest';
import { WebhookSignatureInvalid } from '../errors.ts';
import { signPayload, verifySignature } from './signature.ts';

describe('webhook signatures', () => {
  const body = JSON.stringify({ id: 'evt_1', ref: 'x' });

  it('accepts its own signature and refuses a tampered body, another secret, or an old timestamp', () => {
    const header = signPayload(body, 'secret-1', 1_000_000);
    expect(() => verifySignature(body, header, 'secret-1', 300, 1_000_100)).not.toThrow();
    const refused = WebhookSignatureInvalid;
    expect(() => verifySignature(`${body} `, header, 'secret-1', 300, 1_000_100)).toThrow(refused);
    expect(() => verifySignature(body, header, 'secret-2', 300, 1_000_100)).toThrow(refused);
    expect(() => verifySignature(body, header, 'secret-1', 300, 1_000_400)).toThrow(refused);
    expect(() => verifySignature(body, undefined, 'secret-1')).toThrow(refused);
    expect(() => verifySignature(body, 'garbage', 'secret-1')).toThrow(refused);
  });
});
