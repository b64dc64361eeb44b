/**
 * Access-token signing keys (ES256). Cluster mode reads them from JWT_PRIVATE_KEYS; embedded mode keeps
 * them as JWK files in a folder, generating the first one on first start. The newest key signs; every
 * key stays published in the JWKS so tokens signed before a rotation still verify.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { ConfigError } from '@sauda/kit';

export const SIGNING_ALGORITHM = 'ES256' as const;

/** The public half of a signing key, as published in the JWKS. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
}

/** The keys of this process: the one that signs, and the public half of every key (oldest first). */
export interface SigningKeys {
  readonly current: { readonly kid: string; readonly privateKey: CryptoKey };
  readonly jwks: { keys: PublicJwk[] };
}

/** Where keys come from: a JWK set (cluster) or a folder of JWK files (embedded). */
export type KeySource = { kind: 'json'; json: string } | { kind: 'dir'; dir: string };

/** Loads the keys, creating the first one when the folder is empty. Bad keys stop start-up. */
export async function loadSigningKeys(source: KeySource): Promise<SigningKeys> {
  const jwks = source.kind === 'json' ? parseKeySet(source.json) : await readOrCreateKeyDir(source.dir);
  const where = source.kind === 'json' ? 'JWT_PRIVATE_KEYS' : `JWT_PRIVATE_KEYS_DIR (${source.dir})`;
  const keys = jwks.map((jwk, index) => checkPrivateKey(jwk, `${where}: key ${index + 1}`));
  const newest = keys.at(-1);
  if (!newest) throw new ConfigError([`${where}: holds no key`]);
  const kids = new Set(keys.map((key) => key.kid));
  if (kids.size !== keys.length) throw new ConfigError([`${where}: two keys share a kid`]);
  const privateKey = (await importJWK(newest, SIGNING_ALGORITHM)) as CryptoKey;
  return {
    current: { kid: newest.kid, privateKey },
    jwks: { keys: keys.map(publicHalf) },
  };
}

/** A fresh private key as a JWK with a time-ordered kid (so file names sort oldest first). */
export async function generateSigningKey(): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: uuidv7(), alg: SIGNING_ALGORITHM, use: 'sig' };
}

function parseKeySet(json: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError(['JWT_PRIVATE_KEYS: is not valid JSON']);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys))
    throw new ConfigError(['JWT_PRIVATE_KEYS: must be a JWK set ({ "keys": [...] })']);
  return keys as JWK[];
}

async function readOrCreateKeyDir(dir: string): Promise<JWK[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) {
    const key = await generateSigningKey();
    // 'wx': never overwrite a key another process wrote a moment ago.
    await writeFile(join(dir, `${key.kid}.json`), JSON.stringify(key), { mode: 0o600, flag: 'wx' });
    return [key];
  }
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as JWK));
}

type PrivateJwk = JWK & { kid: string; x: string; y: string; d: string };

function checkPrivateKey(jwk: JWK, where: string): PrivateJwk {
  const ok =
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.d === 'string' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    typeof jwk.kid === 'string' &&
    jwk.kid.length > 0 &&
    (jwk.alg === undefined || jwk.alg === SIGNING_ALGORITHM);
  if (!ok) throw new ConfigError([`${where} must be an ES256 (EC P-256) private JWK with a kid`]);
  return jwk as PrivateJwk;
}

function publicHalf(jwk: PrivateJwk): PublicJwk {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: jwk.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}
