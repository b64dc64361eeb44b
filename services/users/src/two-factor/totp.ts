/** TOTP (RFC 6238) over HOTP (RFC 4226) with node:crypto, and the Base32 (RFC 4648) its secrets travel in. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  stepSeconds?: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding, as authenticator apps expect in otpauth:// URLs. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes Base32 (case, spaces and padding ignored); throws on a foreign character. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not Base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 recommends at least 128, SHA-1's block suggests 160). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP value of `counter` (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Buffer, counter: bigint, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step of a moment. */
export function timeStep(at: Date, stepSeconds = 30): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / stepSeconds));
}

/** The TOTP code at a moment. */
export function totp(key: Buffer, at: Date, options: TotpOptions = {}): string {
  return hotp(key, timeStep(at, options.stepSeconds), options.digits ?? 6, options.algorithm ?? 'sha1');
}

/**
 * The time step a 6-digit code matches, looking one step back and ahead for clock drift (RFC 6238
 * §5.2); undefined when none does. Compared in constant time.
 */
export function matchTotp(secretBase32: string, code: string, at: Date): bigint | undefined {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const now = timeStep(at);
  for (const step of [now - 1n, now, now + 1n]) {
    const expected = hotp(key, step);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step;
  }
  return undefined;
}

/** The otpauth:// URL authenticator apps read from a QR code. */
export function otpauthUrl(secretBase32: string, account: string, issuer = 'Sauda'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
