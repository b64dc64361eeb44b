/** Password hashing: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane). */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Algorithm.Argon2id: the package's enum is a `const enum`, which isolatedModules cannot inline.
const ARGON2ID = 2 satisfies Algorithm;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** The PHC string of a password (salted; the password itself is never stored). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the email is unknown, so both failures take the same time. Made at start-up
// (not on first use) so that even the first unknown address costs exactly one verification.
const dummyHash = hashPassword(randomBytes(32).toString('base64url'));

/** True when the password matches the stored hash; false (not a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A hash the library cannot parse can match nothing; refusing is the safe answer.
    return false;
  }
}

/** Spends the time of one verification and answers false: for unknown accounts. */
export async function verifyNothing(password: string): Promise<false> {
  await verifyPassword(await dummyHash, password);
  return false;
}
