import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
const newPage = (device: typeof DESKTOP | typeof PHONE, options?: { locale?: string }): Promise<Page> =>
  session.newPage(device, options);

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

function newCustomer() {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name: `Aigerim Test ${id}`, email: `e2e-${id}@example.com`, password: `steppe-horse-${id}` };
}

async function register(page: Page, customer: ReturnType<typeof newCustomer>): Promise<void> {
  await page.goto('/register');
  const form = page.getByTestId('register-form');
  await form.locator('input[name="name"]').fill(customer.name);
  await form.locator('input[name="email"]').fill(customer.email);
  await form.locator('input[name="password"]').fill(customer.password);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('account-menu').waitFor();
}

/** Waits for the catalog's current answer (not the previous one kept on screen while loading). */
async function waitForProducts(page: Page): Promise<number> {
  await page.locator('[data-testid="product-results"][aria-busy="false"]').waitFor();
  await page.getByTestId('product-card').first().waitFor();
  return page.getByTestId('product-card').count();
}

describe('the web app', () => {
  it('lets a new customer register, sign out and sign back in', async () => {
    const page = await newPage(DESKTOP);
    const customer = newCustomer();

    await page.goto('/register');
    await page.getByTestId('register-form').waitFor();
    await screenshot(page, 'desktop-register');
    await register(page, customer);
    expect(await page.getByTestId('account-menu').textContent()).toContain('Aigerim');

    // Registering ends with a navigation to the page the customer came from; the menu closes on navigation,
    // so open it once the page has settled there.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('account-menu').click();
    await page.getByTestId('logout-button').waitFor();
    await screenshot(page, 'desktop-account-menu');
    await page.getByTestId('logout-button').click();
    await page.getByTestId('account-menu').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => localStorage.getItem('sauda.refreshToken'))).toBeNull();

    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    await screenshot(page, 'desktop-login');
    await login(page, customer.email, customer.password);

    await page.goto('/account');
    expect(await page.getByTestId('account-greeting').textContent()).toContain(customer.name);
    await screenshot(page, 'desktop-account');

    // The session survives a reload: the refresh token brings the user back.
    await page.reload();
    await page.getByTestId('account-greeting').waitFor();
  });

  it('refuses a wrong password with a readable message', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/login');
    const form = page.getByTestId('login-form');
    await form.locator('input[name="email"]').fill('nobody@example.com');
    await form.locator('input[name="password"]').fill('not-the-password');
    await form.locator('button[type="submit"]').click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/email or password|too many attempts/i);
  });

  it('shows the demo products, finds one by search and opens it', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/');
    expect(await waitForProducts(page)).toBeGreaterThan(0);
    await screenshot(page, 'desktop-home', true);

    const title = (await page.getByTestId('product-card').first().locator('h2').textContent()) ?? '';
    const word = title.split(/[^\p{L}\p{N}]+/u).find((part) => part.length >= 4) ?? title.trim();
    await page.getByTestId('search-input').fill(word);
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL((url) => url.pathname === '/products' && url.searchParams.get('q') === word);
    expect(await waitForProducts(page)).toBeGreaterThan(0);
    await screenshot(page, 'desktop-search');

    await page.getByTestId('product-card').first().locator('a').click();
    await page.waitForURL(/\/products\/[^/?]+$/);
    const detail = page.getByTestId('product-detail');
    await detail.waitFor();
    expect((await detail.locator('h1').textContent())?.trim()).not.toBe('');
    expect(await detail.getByTestId('product-price').textContent()).toMatch(/\d/);
    await screenshot(page, 'desktop-product');
  });

  it('keeps the chosen language across reloads', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await page.reload();
    await waitForProducts(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.getByRole('button', { name: 'Найти' }).count()).toBe(1);
    await screenshot(page, 'desktop-home-ru');
  });

  it('works on a phone', async () => {
    const page = await newPage(PHONE);
    await page.goto('/');
    expect(await waitForProducts(page)).toBeGreaterThan(0);
    await screenshot(page, 'phone-home');

    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('dialog').waitFor();
    await screenshot(page, 'phone-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByTestId('product-card').first().locator('a').click();
    await page.getByTestId('product-detail').waitFor();
    await screenshot(page, 'phone-product');

    await page.goto('/register');
    await page.getByTestId('register-form').locator('button[type="submit"]').click();
    await page.getByTestId('register-form').locator('[aria-invalid="true"]').first().waitFor();
    await screenshot(page, 'phone-register-errors');

    await register(page, newCustomer());
    await page.goto('/account');
    await page.getByTestId('account-greeting').waitFor();
    await screenshot(page, 'phone-account');
  });
});
