import type { Product } from '@sauda/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskMediaStore } from '../media/media-store.ts';
import { callers, createAs, multipart, pngImage, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('a seller cannot touch another seller’s product, on every seller route', () => {
  let t: ShopTestApp;
  let who: Callers;
  let bobs: Product;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'shop-media-'));
    t = await createShopTestApp({ media: createDiskMediaStore(mediaDir) });
    who = await callers(t);
    bobs = await createAs(t, who.bob, {
      title: 'Bob’s felt boots',
      price: { amount: 1_500_000, currency: 'KZT' },
      variants: [{ sku: 'BOOTS-40', price: 1_500_000, options: { size: '40' } }],
    });
  });
  afterAll(async () => {
    await t.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  const as = (
    authorization: string,
    method: 'GET' | 'PATCH' | 'POST' | 'DELETE',
    url: string,
    extra: { payload?: object | Buffer; headers?: Record<string, string> } = {},
  ) => t.app.inject({ method, url, payload: extra.payload, headers: { authorization, ...extra.headers } });

  const unchanged = async () => {
    const response = await as(who.bob, 'GET', `/seller/products/${bobs.id}`);
    const product = response.json<Product>();
    expect(product.title).toBe('Bob’s felt boots');
    expect(product.status).toBe('active');
    expect(product.images).toHaveLength(0);
  };

  it('GET /seller/products/:id answers 404 for another seller’s product', async () => {
    expect((await as(who.alice, 'GET', `/seller/products/${bobs.id}`)).statusCode).toBe(404);
    expect((await as(who.bob, 'GET', `/seller/products/${bobs.id}`)).statusCode).toBe(200);
  });

  it('GET /seller/products lists only the caller’s own products', async () => {
    const mine = (await as(who.alice, 'GET', '/seller/products')).json<{ items: Product[] }>();
    expect(mine.items.map((p) => p.id)).not.toContain(bobs.id);
  });

  it('PATCH /seller/products/:id is forbidden', async () => {
    const response = await as(who.alice, 'PATCH', `/seller/products/${bobs.id}`, {
      payload: { title: 'Mine now' },
    });
    expect(response.statusCode).toBe(403);
    await unchanged();
  });

  it('PATCH cannot adopt another product’s variant id either', async () => {
    const alices = await createAs(t, who.alice, {
      title: 'Alice’s scarf',
      price: { amount: 500_000, currency: 'KZT' },
    });
    const bobVariant = bobs.variants?.[0]?.id;
    const response = await as(who.alice, 'PATCH', `/seller/products/${alices.id}`, {
      payload: { variants: [{ id: bobVariant, sku: 'STOLEN', price: 100 }] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'VARIANT_NOT_FOUND' });
  });

  it('POST /seller/products/:id/archive is forbidden', async () => {
    expect((await as(who.alice, 'POST', `/seller/products/${bobs.id}/archive`)).statusCode).toBe(403);
    await unchanged();
  });

  it('POST /seller/products/:id/images is forbidden', async () => {
    const body = multipart({ name: 'a.png', type: 'image/png', body: await pngImage() });
    const response = await as(who.alice, 'POST', `/seller/products/${bobs.id}/images`, body);
    expect(response.statusCode).toBe(403);
    await unchanged();
  });

  it('DELETE /seller/products/:id/images/:imageId is forbidden', async () => {
    const body = multipart({ name: 'a.png', type: 'image/png', body: await pngImage() });
    const upload = await as(who.bob, 'POST', `/seller/products/${bobs.id}/images`, body);
    expect(upload.statusCode).toBe(201);
    const imageId = upload.json<{ id: string }>().id;
    const response = await as(who.alice, 'DELETE', `/seller/products/${bobs.id}/images/${imageId}`);
    expect(response.statusCode).toBe(403);
    const still = (await as(who.bob, 'GET', `/seller/products/${bobs.id}`)).json<Product>();
    expect(still.images?.map((i) => i.id)).toEqual([imageId]);
    expect((await as(who.bob, 'DELETE', `/seller/products/${bobs.id}/images/${imageId}`)).statusCode).toBe(
      204,
    );
  });

  it('GET /seller/products/imports/:id answers 404 for another seller’s import', async () => {
    const csv = multipart({
      name: 'p.csv',
      type: 'text/csv',
      body: Buffer.from('title,sku,price\nBob hat,HAT-1,5000\n'),
    });
    const started = await as(who.bob, 'POST', '/seller/products/imports', csv);
    expect(started.statusCode).toBe(202);
    const id = started.json<{ id: string }>().id;
    expect((await as(who.alice, 'GET', `/seller/products/imports/${id}`)).statusCode).toBe(404);
    const list = (await as(who.alice, 'GET', '/seller/products/imports')).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(0);
  });

  it('customers and anonymous callers cannot use seller routes at all', async () => {
    expect(
      (await as(who.customer, 'PATCH', `/seller/products/${bobs.id}`, { payload: { title: 'x1' } }))
        .statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/seller/products/${bobs.id}/archive` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('the admin moderation routes refuse sellers', async () => {
    const hide = await as(who.alice, 'POST', `/admin/catalog/products/${bobs.id}/hide`, {
      payload: { reason: 'spite' },
    });
    expect(hide.statusCode).toBe(403);
    await unchanged();
  });
});
