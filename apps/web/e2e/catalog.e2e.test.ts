import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO_PASSWORD, DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
const newPage = (device: typeof DESKTOP | typeof PHONE, options?: { locale?: string }): Promise<Page> =>
  session.newPage(device, options);

beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session.close();
});

describe('the catalog', () => {
  it('shows categories and popular products on the home page, category pages by slug, and suggestions', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/');
    await page.getByTestId('category-tiles').locator('a').first().waitFor();
    await page.getByTestId('popular-products').getByTestId('product-card').first().waitFor();
    await screenshot(page, 'catalog-home', true);
    await page.getByTestId('category-tiles').getByRole('link', { name: 'Electronics' }).click();
    await page.waitForURL('**/c/electronics');
    await page.locator('[data-testid="product-results"][aria-busy="false"]').waitFor();
    await page.getByTestId('product-card').first().waitFor();
    await screenshot(page, 'catalog-category');
    await page.getByTestId('search-input').fill('sams');
    await page.getByTestId('suggestions').getByRole('option').first().waitFor();
    await screenshot(page, 'catalog-suggestions');
    await page.getByTestId('search-input').press('Escape');
  });

  it('shows a product with its gallery, variant picker and prices in another currency', async () => {
    const page = await newPage(PHONE);
    await page.goto('/products?q=jacket&sort=popularity');
    await page.getByTestId('product-card').first().waitFor();
    await page.getByTestId('product-card').first().getByRole('link').click();
    await page.getByTestId('product-detail').waitFor();
    await page.getByTestId('variant-picker').waitFor();
    const before = await page.getByTestId('product-price').textContent();
    await page.getByTestId('currency-select').selectOption('USD');
    await expect.poll(() => page.getByTestId('product-price').textContent()).toContain('$');
    expect(before).not.toContain('$');
    await screenshot(page, 'catalog-product-phone', true);
  });

  it('lets a seller create a product with variants and a photo, then import a CSV with a row report', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'seller@demo.sauda.kz');
    await page.goto('/seller/products');
    await page.getByTestId('seller-products').waitFor();
    await screenshot(page, 'seller-products');
    await page.getByTestId('new-product').click();
    const stamp = Date.now().toString(36).toUpperCase();
    await page.getByTestId('product-title').fill(`Felt slippers ${stamp}`);
    await page.getByTestId('product-category').selectOption('shoes');
    await page.getByTestId('variant-sku').first().fill(`FS-${stamp}`);
    await page.getByTestId('variant-size').first().fill('40');
    await page.getByTestId('variant-price').first().fill('8990');
    await page.getByTestId('variant-compareAt').first().fill('10990');
    await page.getByTestId('save-product').click();
    await page.waitForURL(/\/seller\/products\/[0-9a-f-]{36}$/);
    const photo = join(tmpdir(), `e2e-photo-${stamp}.png`);
    await writeFile(
      photo,
      await sharp({ create: { width: 900, height: 700, channels: 3, background: '#c0564a' } })
        .png()
        .toBuffer(),
    );
    await page.getByTestId('image-input').setInputFiles(photo);
    await page.getByTestId('gallery').locator('img').first().waitFor();
    await screenshot(page, 'seller-product-editor', true);

    await page.goto('/seller/products/import');
    const csv = join(tmpdir(), `e2e-import-${stamp}.csv`);
    await writeFile(
      csv,
      `title,sku,price,category\nWool hat ${stamp},HAT-${stamp},4990,accessories\nBroken ${stamp},BAD-${stamp},free,\n`,
    );
    await page.getByTestId('csv-input').setInputFiles(csv);
    const report = page.getByTestId('import-report');
    await report.getByText(/Import finished/).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-errors').locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'seller-import-report');
  });

  it('lets an admin manage categories, hide a product and set exchange rates', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/catalog');
    await page.getByTestId('category-tree').waitFor();
    await screenshot(page, 'admin-catalog-categories');
    await page.goto('/admin/catalog/moderation');
    await page.getByTestId('moderation-row').first().waitFor();
    await screenshot(page, 'admin-catalog-moderation');
    await page.goto('/admin/catalog/rates');
    await page.getByTestId('rate-USD').waitFor();
    await screenshot(page, 'admin-catalog-rates');
  });
});

describe('the edge cache of product pages (ADR 0009)', () => {
  it('keeps a page at the gateway past its s-maxage, and shows a price change within a second or so', async () => {
    const base = session.baseUrl;
    const mine = await apiAs<{ items: Array<{ id: string }> }>(
      base,
      'seller@demo.sauda.kz',
      '/seller/products?limit=1&status=active',
    );
    const product = mine.items[0];
    if (!product) throw new Error('the demo seller has no active product');
    const page = (await (await fetch(`${base}/api/products/${product.id}`)).json()) as {
      variants?: Array<{ id: string; sku: string }>;
    };
    const variant = page.variants?.[0];
    if (!variant) throw new Error('the demo product has no variant');
    const read = async () => {
      const response = await fetch(`${base}/api/products/${product.id}`);
      expect(response.headers.get('surrogate-control')).toBeNull();
      const body = (await response.json()) as {
        variants?: Array<{ id: string; regularPrice: { amount: number } }>;
      };
      const shown = body.variants?.find((v) => v.id === variant.id);
      return { cache: response.headers.get('x-cache'), amount: shown?.regularPrice.amount ?? 0 };
    };
    const before = await read();
    // Past its one-second s-maxage the page is still served by the gateway: the change feed is followed.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await read()).cache).toBe('HIT');

    const signIn = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'seller@demo.sauda.kz', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const price = before.amount - 100;
    const edited = await fetch(`${base}/api/seller/products/${product.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ variants: [{ id: variant.id, sku: variant.sku, price }] }),
    });
    expect(edited.status).toBe(200);
    const changedAt = Date.now();
    await expect.poll(async () => (await read()).amount, { timeout: 5_000, interval: 50 }).toBe(price);
    process.stdout.write(`edge: the new price showed ${Date.now() - changedAt} ms after the edit\n`);
  });
});
