/**
 * A return photo: decoded with sharp (≤ 40 MP, EXIF dropped), re-encoded to a 1600 px WebP and kept under
 * `<MEDIA_DIR>/orders/returns/<id>.webp`; only its uploader may attach it to a return.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import type { OrdersContext } from '../context.ts';
import { PhotoInvalid, PhotoNotFound } from '../errors.ts';
import { photoUrl } from '../orders/order-view.ts';

const dir = (ctx: OrdersContext) => join(ctx.settings.mediaDir, 'orders', 'returns');

/** Stores the photo for the customer; answers its id and URL. */
export async function storePhoto(
  ctx: OrdersContext,
  customerId: string,
  input: Buffer,
): Promise<{ photoId: string; url: string }> {
  let webp: Buffer;
  try {
    webp = await sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw new PhotoInvalid();
  }
  const photoId = uuidv7();
  await mkdir(dir(ctx), { recursive: true });
  await writeFile(join(dir(ctx), `${photoId}.webp`), webp);
  await ctx.db`insert into return_photos (id, customer_id, file) values (${photoId}, ${customerId}, ${`${photoId}.webp`})`;
  return { photoId, url: photoUrl(photoId) };
}

/** The photo's bytes for its uploader, the sellers of the return it is on, or staff. */
export async function readPhoto(
  ctx: OrdersContext,
  caller: { id: string; staff: boolean },
  photoId: string,
): Promise<Buffer> {
  const [row] = await ctx.db<{ file: string; customer_id: string; sellers: string[] | null }[]>`
    select p.file, p.customer_id,
      (select array_agg(distinct s) from returns r, unnest(r.seller_ids) s where ${photoId}::uuid = any(r.photo_ids)) as sellers
    from return_photos p where p.id = ${photoId}`;
  const allowed =
    row && (caller.staff || row.customer_id === caller.id || (row.sellers ?? []).includes(caller.id));
  if (!allowed) throw new PhotoNotFound();
  return readFile(join(dir(ctx), row.file));
}
