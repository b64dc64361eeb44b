/** Picks the MediaStore the configuration names: files on disk (embedded) or an S3-compatible bucket. */
import { join } from 'node:path';
import type { ShopConfig } from '../config.ts';
import { createDiskMediaStore, type MediaStore } from './media-store.ts';
import { createS3MediaStore } from './s3-media-store.ts';

/** The store for this process (readConfig has already refused `s3` without its settings). */
export function openMediaStore(config: ShopConfig): MediaStore {
  if (config.MEDIA_STORE === 'disk') return createDiskMediaStore(join(config.MEDIA_DIR, 'shop'));
  return createS3MediaStore({
    endpoint: config.S3_ENDPOINT ?? '',
    bucket: config.S3_BUCKET ?? '',
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
  });
}
