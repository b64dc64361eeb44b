import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

const base = { DATABASE_URL: 'postgres://localhost/shop', USERS_URL: 'http://users' };

describe('shop configuration', () => {
  it('keeps images on disk by default', () => {
    expect(readConfig(base).MEDIA_STORE).toBe('disk');
  });

  it('refuses MEDIA_STORE=s3 without the endpoint, bucket and keys', () => {
    expect(() => readConfig({ ...base, MEDIA_STORE: 's3', S3_BUCKET: 'media' })).toThrow(
      /S3_ENDPOINT: is required with MEDIA_STORE=s3[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    const s3 = readConfig({
      ...base,
      MEDIA_STORE: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(s3).toMatchObject({ MEDIA_STORE: 's3', S3_REGION: 'us-east-1' });
  });
});
