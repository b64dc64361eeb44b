/**
 * SEO basics (issue 11): every page names itself in the tab title, describes itself in the visitor's
 * language, products and categories have readable addresses with a canonical link, and `<html lang>`
 * follows the chosen language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DESKTOP, openBrowser } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
let product: { id: string; slug: string; title: string };

beforeAll(async () => {
  session = await openBrowser();
  const found = await apiAs<{ items: Array<typeof product> }>(
    session.baseUrl,
    'customer@demo.sauda.kz',
    '/products?limit=1&sort=popularity',
  );
  product = found.items[0] ?? { id: '', slug: '', title: '' };
});
afterAll(() => session.close());

const head = (page: Page) =>
  page.evaluate(() => ({
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
    lang: document.documentElement.lang,
  }));

describe('SEO basics', () => {
  it('gives a product a readable address, its name as the title, its text as the description', async () => {
    expect(product.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    const page = await session.newPage(DESKTOP);
    // The old address by id keeps working and points search engines at the slug address.
    await page.goto(`/products/${product.id}`);
    await page.getByTestId('product-detail').waitFor();
    await expect
      .poll(async () => (await head(page)).canonical)
      .toMatch(new RegExp(`/products/${product.slug}$`));
    const meta = await head(page);
    expect(meta.title).toBe(`${product.title} · Sauda`);
    expect(meta.description.length).toBeGreaterThan(20);
    expect(meta.description.length).toBeLessThanOrEqual(160);
    await page.goto(`/products/${product.slug}`);
    await page.getByTestId('product-detail').waitFor();
    expect((await head(page)).title).toBe(`${product.title} · Sauda`);
  });

  it('gives a category page its name, a description and a canonical /c/<slug> address', async () => {
    const page = await session.newPage(DESKTOP);
    await page.goto('/c/electronics');
    await page.locator('[data-testid="product-results"][aria-busy="false"]').waitFor();
    await expect.poll(async () => (await head(page)).title).toBe('Electronics · Sauda');
    const meta = await head(page);
    expect(meta.description).toContain('Electronics');
    expect(meta.canonical).toMatch(/\/c\/electronics$/);
  });

  it('follows the chosen language in <html lang>, the title and the description', async () => {
    const page = await session.newPage(DESKTOP, { locale: 'ru-RU' });
    await page.goto('/c/electronics');
    await page.locator('[data-testid="product-results"][aria-busy="false"]').waitFor();
    await expect.poll(async () => (await head(page)).lang).toBe('ru');
    await expect.poll(async () => (await head(page)).description).toContain('Казахстан');
    await page.locator('.language-switcher__select').first().selectOption('kk');
    await expect.poll(async () => (await head(page)).lang).toBe('kk');
    await expect.poll(async () => (await head(page)).description).toContain('Қазақстан');
    await page.goto('/');
    await page.getByTestId('product-card').first().waitFor();
    const home = await head(page);
    expect(home.title).toBe('Sauda');
    expect(home.lang).toBe('kk');
    expect(home.canonical).toBe('');
  });
});
