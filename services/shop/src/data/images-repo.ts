/** SQL for product images (the files themselves live in the media store). */
import type { ProductImage } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export interface ImageRow {
  id: string;
  product_id: string;
  original_key: string;
  large_key: string;
  thumb_key: string;
  width: number;
  height: number;
  alt: string;
  position: number;
}

/** The public URL of a media key (served by `GET /media/*`, behind the gateway at `/api/media`). */
export const mediaUrl = (key: string): string => `/api/media/${key}`;

/** Maps a row to the API shape. */
export function toImage(row: ImageRow): ProductImage {
  return {
    id: row.id,
    url: mediaUrl(row.large_key),
    thumbUrl: mediaUrl(row.thumb_key),
    width: row.width,
    height: row.height,
    alt: row.alt,
  };
}

/** A product's images in gallery order. */
export async function listImages(db: Queryable, productId: string): Promise<ImageRow[]> {
  return db<ImageRow[]>`select * from product_images where product_id = ${productId} order by position, id`;
}

/** Adds an image at the end of the gallery. */
export async function insertImage(db: Queryable, row: Omit<ImageRow, 'position'>): Promise<void> {
  await db`
    insert into product_images (id, product_id, original_key, large_key, thumb_key, width, height, alt, position)
    values (${row.id}, ${row.product_id}, ${row.original_key}, ${row.large_key}, ${row.thumb_key}, ${row.width},
            ${row.height}, ${row.alt},
            (select coalesce(max(position) + 1, 0) from product_images where product_id = ${row.product_id}))`;
}

/** Removes one image of a product; returns it so the caller can delete its files. */
export async function deleteImage(
  db: Queryable,
  productId: string,
  imageId: string,
): Promise<ImageRow | undefined> {
  const [row] = await db<ImageRow[]>`
    delete from product_images where id = ${imageId} and product_id = ${productId} returning *`;
  return row;
}

/** Keeps the listing thumbnail (`products.image_url`) equal to the first image's. */
export async function refreshCoverImage(db: Queryable, productId: string): Promise<void> {
  const [first] = await db<{ thumb_key: string }[]>`
    select thumb_key from product_images where product_id = ${productId} order by position, id limit 1`;
  await db`update products set image_url = ${first ? mediaUrl(first.thumb_key) : null}, updated_at = now()
           where id = ${productId}`;
}
