import type { Product, ProductImage } from '@sauda/contracts';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, createAs, multipart, pngImage, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { createDiskMediaStore } from './media-store.ts';

describe('product images', () => {
  let t: ShopTestApp;
  let who: Callers;
  let mediaDir: string;
  let product: Product;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'shop-media-'));
    t = await createShopTestApp({ media: createDiskMediaStore(mediaDir) });
    who = await callers(t);
    product = await createAs(t, who.alice, {
      title: 'Ceramic bowl',
      price: { amount: 600_000, currency: 'KZT' },
    });
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (body: Buffer, type = 'image/png', fields: Record<string, string> = {}) => {
    const form = multipart({ name: 'photo.png', type, body }, fields);
    return t.app.inject({
      method: 'POST',
      url: `/seller/products/${product.id}/images`,
      payload: form.payload,
      headers: { ...form.headers, authorization: who.alice },
    });
  };

  it('stores an upload on disk, resized to a large WebP and a 320 px thumbnail, served as immutable', async () => {
    const response = await upload(await pngImage(2400, 1600), 'image/png', { alt: 'Blue bowl from above' });
    expect(response.statusCode).toBe(201);
    const image = response.json<ProductImage>();
    expect(image).toMatchObject({ width: 1200, height: 800, alt: 'Blue bowl from above' });
    expect(image.thumbUrl).toMatch(/^\/api\/media\/[0-9a-f-]{36}\/thumb\.webp$/);
    const thumb = await t.app.inject({ url: image.thumbUrl.replace('/api', '') });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({
      width: 320,
      height: 320,
      format: 'webp',
    });
    const page = (await t.app.inject({ url: `/products/${product.id}` })).json<Product>();
    expect(page.images?.map((i) => i.id)).toEqual([image.id]);
    expect(page.imageUrl).toBe(image.thumbUrl);
  });

  it('refuses a file that is not an image, and stores nothing for it', async () => {
    const before = await readdir(mediaDir);
    const response = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INVALID_IMAGE' });
    expect(await readdir(mediaDir)).toEqual(before);
  });

  it('serves only keys it minted: paths that try to leave the store are not found', async () => {
    for (const url of [
      '/media/..%2F..%2Fetc/passwd',
      '/media/x/thumb.webp',
      `/media/${product.id}/thumb.webp`,
    ]) {
      const response = await t.app.inject({ url });
      expect([404, 400]).toContain(response.statusCode);
    }
  });

  it('removes an image and its files; the cover moves to the next image', async () => {
    const second = (await upload(await pngImage(300, 300))).json<ProductImage>();
    const first = (await t.app.inject({ url: `/products/${product.id}` })).json<Product>().images?.[0];
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/seller/products/${product.id}/images/${first?.id}`,
      headers: { authorization: who.alice },
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: (first?.thumbUrl ?? '').replace('/api', '') })).statusCode).toBe(404);
    const page = (await t.app.inject({ url: `/products/${product.id}` })).json<Product>();
    expect(page.imageUrl).toBe(second.thumbUrl);
    expect((await readdir(mediaDir)).sort()).toEqual([second.id]);
  });
});
