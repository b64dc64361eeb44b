import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3MediaStore } from './s3-media-store.ts';
import { EMPTY_SHA256, sha256Hex, signRequest } from './sigv4.ts';

const AWS_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};

describe('SigV4 signing', () => {
  it('matches the AWS documentation example "GET Object"', () => {
    const headers = signRequest(
      {
        method: 'GET',
        path: '/test.txt',
        headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' },
        payloadHash: EMPTY_SHA256,
        now: new Date('2013-05-24T00:00:00Z'),
      },
      AWS_EXAMPLE,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('matches the AWS documentation example "PUT Object"', () => {
    const body = 'Welcome to Amazon S3.';
    const headers = signRequest(
      {
        method: 'PUT',
        path: '/test%24file.text',
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        },
        payloadHash: sha256Hex(body),
        now: new Date('2013-05-24T00:00:00Z'),
      },
      AWS_EXAMPLE,
    );
    expect(headers.authorization).toContain(
      'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });
});

/** A tiny S3 stand-in: path-style objects in memory, every request's signature checked. */
function fakeS3(credentials: typeof AWS_EXAMPLE & { bucket: string }) {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: string[] = [];
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await read(request);
      const url = new URL(request.url ?? '/', 'http://fake');
      const given = String(request.headers.authorization ?? '');
      const signedNames = /SignedHeaders=([^,]+)/.exec(given)?.[1]?.split(';') ?? [];
      const signed = Object.fromEntries(
        signedNames.filter((n) => !n.startsWith('x-amz-')).map((n) => [n, String(request.headers[n])]),
      );
      const expected = signRequest(
        {
          method: request.method ?? 'GET',
          path: url.pathname,
          headers: signed,
          payloadHash: sha256Hex(body),
          now: new Date(
            String(request.headers['x-amz-date']).replace(
              /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
              '$1-$2-$3T$4:$5:$6Z',
            ),
          ),
        },
        credentials,
      );
      seen.push(`${request.method} ${url.pathname}`);
      if (given !== expected.authorization || request.headers['x-amz-content-sha256'] !== sha256Hex(body)) {
        response.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        return;
      }
      const key = url.pathname;
      if (request.method === 'PUT') {
        objects.set(key, { body, type: String(request.headers['content-type']) });
        response.writeHead(200).end();
      } else if (request.method === 'GET') {
        const object = objects.get(key);
        if (object) response.writeHead(200, { 'content-type': object.type }).end(object.body);
        else response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      } else if (request.method === 'DELETE') {
        objects.delete(key);
        response.writeHead(204).end();
      } else response.writeHead(405).end();
    })();
  });
  return { server, objects, seen };
}

describe('S3 media store against a local S3-compatible server', () => {
  const credentials = { ...AWS_EXAMPLE, region: 'eu-central-1', bucket: 'sauda-media' };
  const fake = fakeS3(credentials);
  let endpoint = '';
  const key = '01970000-0000-7000-8000-000000000001/large.webp';

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const address = fake.server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  it('puts, gets and deletes an object with signed requests under the bucket path', async () => {
    const store = createS3MediaStore({ ...credentials, endpoint });
    const body = Buffer.from('RIFF....WEBPVP8 fake image');
    await store.put(key, body, 'image/webp');
    expect(fake.objects.get(`/sauda-media/${key}`)?.type).toBe('image/webp');
    expect(await store.get(key)).toEqual(body);
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
    await store.delete(key);
    expect(fake.seen).toContain(`PUT /sauda-media/${key}`);
  });

  it('fails loudly when the store refuses the signature (a wrong secret)', async () => {
    const store = createS3MediaStore({ ...credentials, secretAccessKey: 'wrong', endpoint });
    await expect(store.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(/403/);
  });

  it('never sends a key that is not one shop minted', async () => {
    const store = createS3MediaStore({ ...credentials, endpoint });
    expect(await store.get('../etc/passwd')).toBeUndefined();
    await expect(store.put('../../x', Buffer.from('x'), 'image/webp')).rejects.toThrow(/invalid media key/);
  });
});
