/** People-facing parcel codes: `PC-` and 10 characters of Crockford base32 (no I, L, O, U), Code 128-safe. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh random parcel code, e.g. `PC-7K3Q91XMAB`; uniqueness is enforced by the database. */
export function newParcelCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte % 32];
  return `PC-${code}`;
}
