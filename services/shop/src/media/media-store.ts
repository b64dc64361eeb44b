/**
 * Where image files live: one interface, a disk store (embedded mode, under MEDIA_DIR) and an
 * S3-compatible object store (cluster mode). Keys are minted by shop (`<uuid>/<variant>.webp`), never
 * taken from a client, so a key can never escape the store's root.
 */
import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface MediaStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are `<uuid>/<name>.<ext>` only: checked on every read so a request path cannot walk the disk. */
export const MEDIA_KEY = /^[0-9a-f-]{36}\/[a-z0-9]+\.(webp|png|jpg|svg)$/;

/** Files under `root`, one directory per image. */
export function createDiskMediaStore(root: string): MediaStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key ${key}`);
    const path = resolve(join(base, key));
    if (!path.startsWith(base + sep)) throw new Error(`media key ${key} escapes the store`);
    return path;
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename would be atomic, but keys are unique per upload so readers never see a half file
      // that they could have asked for (the row naming it is inserted after the write).
      await writeFile(path, body);
    },
    async get(key) {
      if (!MEDIA_KEY.test(key)) return undefined;
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      // The image's folder goes with its last rendition; a folder still holding files stays.
      await rmdir(dirname(path)).catch(() => undefined);
    },
  };
}
