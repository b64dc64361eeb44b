/**
 * The object-store MediaStore (cluster mode): any S3-compatible service (AWS S3, MinIO, Ceph, R2) reached
 * over HTTP with path-style URLs (`<endpoint>/<bucket>/<key>`) and requests signed with SigV4.
 */
import { MEDIA_KEY, type MediaStore } from './media-store.ts';
import { EMPTY_SHA256, sha256Hex, signRequest, uriEncode, type Credentials } from './sigv4.ts';

export interface S3Options extends Credentials {
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  bucket: string;
  /** Per request; the store is called from request handlers. */
  timeoutMs?: number;
}

/** Thrown for an answer the store did not expect (the route's error handler turns it into a 500). */
export class ObjectStoreError extends Error {
  constructor(operation: string, status: number, detail: string) {
    super(`object store ${operation} failed with ${status}: ${detail.slice(0, 200)}`);
    this.name = 'ObjectStoreError';
  }
}

/** Builds the store. */
export function createS3MediaStore(options: S3Options): MediaStore {
  const endpoint = new URL(options.endpoint);
  const base = endpoint.pathname.replace(/\/$/, '');
  const call = async (method: string, key: string, body?: Buffer, contentType?: string) => {
    if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key ${key}`);
    const path = `${base}/${uriEncode(options.bucket)}/${key.split('/').map(uriEncode).join('/')}`;
    const headers = signRequest(
      {
        method,
        path,
        headers: {
          host: endpoint.host,
          ...(body ? { 'content-type': contentType ?? 'application/octet-stream' } : {}),
        },
        payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
        now: new Date(),
      },
      options,
    );
    // `host` is set by fetch itself from the URL; sending it again is refused.
    const { host: _host, ...sent } = headers;
    return fetch(new URL(path, endpoint), {
      method,
      headers: sent,
      ...(body ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  };
  return {
    async put(key, body, contentType) {
      const response = await call('PUT', key, body, contentType);
      if (!response.ok) throw new ObjectStoreError('PUT', response.status, await response.text());
    },
    async get(key) {
      if (!MEDIA_KEY.test(key)) return undefined;
      const response = await call('GET', key);
      if (response.status === 404) return undefined;
      if (!response.ok) throw new ObjectStoreError('GET', response.status, await response.text());
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await call('DELETE', key);
      // S3 answers 204 for a missing key too; some compatibles answer 404.
      if (!response.ok && response.status !== 404)
        throw new ObjectStoreError('DELETE', response.status, await response.text());
    },
  };
}
