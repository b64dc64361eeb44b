/** A seller adds an image to their own product's gallery, or removes one. */
import type { ProductImage } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { deleteImage, insertImage, refreshCoverImage, toImage, type ImageRow } from '../data/images-repo.ts';
import { ImageNotFound, InvalidImage, ProductArchivedError } from '../errors.ts';
import { announceProduct } from '../products/announce-product.ts';
import { lockOwnedProduct } from '../products/owned-product.ts';
import type { MediaStore } from './media-store.ts';
import { processImage, type ProcessedImage } from './process-image.ts';

/**
 * Ownership is checked before the (costly) resize and again, under the row lock, when the image row is
 * written; files of a failed write are removed so the store holds no orphans of a refused upload.
 */
export async function uploadImage(
  db: Db,
  store: MediaStore,
  seller: Principal,
  productId: string,
  file: Buffer,
  alt: string,
): Promise<ProductImage> {
  await withTransaction(db, (tx) => lockOwnedProduct(tx, seller, productId));
  let processed: ProcessedImage;
  try {
    processed = await processImage(file);
  } catch (error) {
    throw new InvalidImage(error instanceof Error ? error.message : 'unreadable image');
  }
  const id = uuidv7();
  const row: Omit<ImageRow, 'position'> = {
    id,
    product_id: productId,
    original_key: `${id}/original.webp`,
    large_key: `${id}/large.webp`,
    thumb_key: `${id}/thumb.webp`,
    width: processed.width,
    height: processed.height,
    alt,
  };
  await store.put(row.original_key, processed.original, 'image/webp');
  await store.put(row.large_key, processed.large, 'image/webp');
  await store.put(row.thumb_key, processed.thumb, 'image/webp');
  try {
    await withTransaction(db, async (tx) => {
      const product = await lockOwnedProduct(tx, seller, productId);
      if (product.status === 'archived') throw new ProductArchivedError();
      await insertImage(tx, row);
      await refreshCoverImage(tx, productId);
      await announceProduct(tx, productId, 'updated');
    });
  } catch (error) {
    await removeFiles(store, row);
    throw error;
  }
  return toImage({ ...row, position: 0 });
}

/** Removes an image of the seller's own product (files after the row, so a crash leaves no dangling row). */
export async function removeImage(
  db: Db,
  store: MediaStore,
  seller: Principal,
  productId: string,
  imageId: string,
): Promise<void> {
  const removed = await withTransaction(db, async (tx) => {
    await lockOwnedProduct(tx, seller, productId);
    const row = await deleteImage(tx, productId, imageId);
    if (!row) throw new ImageNotFound();
    await refreshCoverImage(tx, productId);
    await announceProduct(tx, productId, 'updated');
    return row;
  });
  await removeFiles(store, removed);
}

async function removeFiles(
  store: MediaStore,
  row: Pick<ImageRow, 'original_key' | 'large_key' | 'thumb_key'>,
) {
  for (const key of [row.original_key, row.large_key, row.thumb_key]) await store.delete(key);
}
