/**
 * The dashboards (issue 11, charts): the demo seller's sales and payouts and the admin's GMV, orders
 * and deliveries on time, drawn from the demo's 90-day history, readable by pointer and keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

/** Waits until a chart panel has drawn its chart (the delivery history is told after shipping starts). */
async function drawn(page: Page, testId: string, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const panel = page.locator(`[data-testid="${testId}"]:not([data-state="loading"])`);
    await panel.waitFor({ timeout: 60_000 });
    const state = await panel.getAttribute('data-state');
    if (state === 'ready') break;
    if (Date.now() > deadline) throw new Error(`${testId} stayed ${state}`);
    await page.waitForTimeout(5000);
    await page.reload();
  }
  await page.getByTestId(testId).locator('svg[role="img"]').waitFor();
}

/** A page with room for a busy machine: the whole system runs beside the browser. */
async function slow(page: Page): Promise<Page> {
  page.setDefaultTimeout(60_000);
  return page;
}

describe('the dashboards', () => {
  let session: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    session = await openBrowser();
    // The first pages of a freshly started system are slow on a busy machine: warm the app up once.
    const page = await session.newPage(DESKTOP);
    page.setDefaultTimeout(120_000);
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
  });
  afterAll(async () => {
    await session.close();
  });

  it("draws the demo seller's sales, orders and payouts, and reads them on hover and by keyboard", async () => {
    const page = await slow(await session.newPage(DESKTOP));
    await login(page, 'seller@demo.sauda.kz');
    // The seller's workspaces (the account menu) link to the dashboard.
    await page.getByTestId('account-menu').click();
    await page.locator('.account-menu__panel').getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL('**/seller/dashboard');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    for (const id of ['chart-sales', 'chart-orders', 'chart-payouts']) await drawn(page, id);
    const sales = page.getByTestId('chart-sales');
    expect(await sales.locator('path.chart__line').getAttribute('d')).toMatch(
      /^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){29}$/,
    );
    expect(await page.getByTestId('chart-orders').locator('rect.chart__bar').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('chart-payouts').locator('path.chart__line').count()).toBe(3);
    // The data is also a table for screen readers: one row per day of the range.
    expect(await sales.locator('table tbody tr').count()).toBe(30);

    const plot = sales.locator('svg[role="img"]');
    const box = await plot.boundingBox();
    if (!box) throw new Error('the sales chart has no box');
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => sales.locator('.chart__tooltip').textContent()).toMatch(/₸/);
    await screenshot(page, 'dashboard-seller-desktop', true);
    await page.mouse.move(0, 0);
    await plot.focus();
    await page.keyboard.press('End');
    const last = await sales.locator('table tbody tr').last().locator('th').textContent();
    await expect.poll(() => sales.locator('.chart__tooltip strong').textContent()).toBe(last);

    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: '90 days' }).click();
    await expect.poll(() => sales.locator('table tbody tr').count(), { timeout: 30_000 }).toBe(90);
    expect(await page.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('draws the marketplace GMV, orders and deliveries on time for the admin', async () => {
    const page = await slow(await session.newPage(DESKTOP));
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/dashboard');
    await page.getByRole('heading', { name: 'Marketplace dashboard' }).waitFor();
    for (const id of ['chart-gmv', 'chart-orders']) await drawn(page, id);
    await drawn(page, 'chart-on-time', 180_000);
    await drawn(page, 'chart-cities');
    expect(await page.getByTestId('chart-gmv').locator('path.chart__line').count()).toBe(1);
    expect(await page.getByTestId('chart-on-time').locator('rect.chart__bar').count()).toBeGreaterThan(5);
    const cities = await page.getByTestId('chart-cities').locator('table tbody th').allTextContents();
    expect(cities.join(' ')).toMatch(/Almaty/);
    const figures = await page.locator('.chart-figures dd').allTextContents();
    expect(figures).toHaveLength(4);
    expect(figures[3]).toMatch(/%/);
    await screenshot(page, 'dashboard-admin-desktop', true);
  });

  it('reads in Russian on a phone', async () => {
    const page = await slow(await session.newPage(PHONE, { locale: 'ru-RU' }));
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/dashboard');
    await page.getByRole('heading', { name: 'Сводка маркетплейса' }).waitFor();
    await drawn(page, 'chart-gmv');
    // Axis amounts are written the Russian way: "0 ₸", "1 млн ₸" (with no-break spaces).
    const ticks = await page.getByTestId('chart-gmv').locator('.chart__tick').allTextContents();
    expect(ticks.some((tick) => /^0\s₸$/u.test(tick))).toBe(true);
    expect(ticks.some((tick) => /млн|тыс/u.test(tick))).toBe(true);
    await screenshot(page, 'dashboard-admin-phone-ru', true);
  });

  it("shows a customer the seller's dashboard as an error, not a chart", async () => {
    const page = await slow(await session.newPage(DESKTOP));
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/seller/dashboard');
    await page.locator('[data-testid="chart-sales"][data-state="error"]').waitFor();
    expect(await page.locator('svg.chart__svg').count()).toBe(0);
  });
});
