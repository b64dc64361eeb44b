import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

describe('the admin operations page', () => {
  let session: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session.close();
  });

  it('shows every service with its health, figures and charts, refreshing by itself', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/operations');
    const cards = page.locator('.ops-card[aria-labelledby]');
    // The first answer scrapes every replica twice, a second apart.
    await cards.first().waitFor({ timeout: 60_000 });
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => page.locator('.ops-card .ops-badge').first().textContent())
      .toMatch(/Healthy|Degraded/);
    // Some traffic, then wait for the next refreshes: the charts need two readings or more.
    for (let i = 0; i < 30; i += 1) await page.request.get(`/api/products?limit=5&page=${(i % 5) + 1}`);
    await expect
      .poll(() => page.locator('.chart-spark__line').count(), { timeout: 20_000, interval: 1000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'admin-operations-desktop', true);
  });

  it('reads well on a phone and in Russian', async () => {
    const page = await session.newPage(PHONE, { locale: 'ru-RU' });
    await login(page, 'support@demo.sauda.kz');
    await page.goto('/admin/operations');
    await page.getByRole('heading', { name: 'Эксплуатация' }).waitFor();
    await page.locator('.ops-card[aria-labelledby]').first().waitFor({ timeout: 60_000 });
    await page.locator('.chart-spark__line').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'admin-operations-phone-ru');
  });

  it('is refused to a customer', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/admin/operations');
    await page.getByText('Staff only').waitFor();
  });
});
