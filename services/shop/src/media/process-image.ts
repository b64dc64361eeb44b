/** Turns an uploaded image into what the storefront serves: a large WebP and a square thumbnail. */
import sharp from 'sharp';

export interface ProcessedImage {
  original: Buffer;
  large: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

const MAX_PIXELS = 40_000_000;

/**
 * Decodes the upload (JPEG, PNG, WebP, GIF, AVIF), rejecting anything sharp cannot read or that is
 * larger than 40 megapixels (a decompression bomb), and renders 1200 px and 320 px WebP versions.
 * EXIF orientation is applied and metadata dropped (no GPS leaks from a seller's phone photo).
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const source = sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  const meta = await source.metadata();
  if (!meta.width || !meta.height) throw new Error('not an image');
  const original = await source.clone().webp({ quality: 90 }).toBuffer();
  const large = await source
    .clone()
    .resize({ width: 1200, height: 1200, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  const thumb = await source
    .clone()
    .resize({ width: 320, height: 320, fit: 'cover' })
    .webp({ quality: 78 })
    .toBuffer();
  return { original, large: large.data, thumb, width: large.info.width, height: large.info.height };
}
