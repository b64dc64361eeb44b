import { demoProductId } from '@sauda/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
const newPage = (device: typeof DESKTOP | typeof PHONE): Promise<Page> => session.newPage(device);

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

/** Answers Yes in the confirmation dialog. */
async function confirmYes(page: Page): Promise<void> {
  await page.locator('dialog.cm-dialog[open] .btn--danger').click();
}

describe('shop commerce', () => {
  let issuedCode = '';

  it('shows reviews with a seller answer and recommendation rails on a product page', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`/products/${demoProductId(2)}`);
    await page.getByTestId('review').first().waitFor();
    expect(await page.getByTestId('review').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.rv__answer').count()).toBeGreaterThanOrEqual(1);
    const together = page.getByTestId('rail-bought-together');
    await together.waitFor();
    expect(await together.textContent()).toContain('AirPods');
    await page.getByTestId('reviews').scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-product-reviews', true);
  });

  it('lets a customer who received a product review it, once', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto(`/products/${demoProductId(10)}`);
    const form = page.getByTestId('write-review');
    await form.waitFor();
    await form.getByLabel('4 of 5').check({ force: true });
    await form.getByLabel('Headline').fill('Great for the commute');
    await form.getByLabel('Your review').fill('Noise cancelling is excellent on the bus.');
    await screenshot(page, 'desktop-write-review');
    await form.locator('button[type="submit"]').click();
    await page.getByText('Thank you! Your review is published.').waitFor();
    await page.getByText('Great for the commute').waitFor();
    await form.waitFor({ state: 'detached' });
  });

  it('lets an admin create a promo code and issue a gift card with its ledger', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/promos');
    await page.getByTestId('promo-table').waitFor();
    expect(await page.getByTestId('promo-table').textContent()).toContain('WELCOME10');
    await page.getByRole('button', { name: 'New promo code' }).click();
    const form = page.getByTestId('promo-form');
    const code = `E2E${Date.now().toString(36).toUpperCase()}`;
    await form.getByLabel('Code', { exact: true }).fill(code);
    await form.getByLabel('Percent off').fill('15');
    await form.getByLabel(/Total uses/).fill('50');
    await screenshot(page, 'desktop-admin-promo-form');
    await form.locator('button[type="submit"]').click();
    await page.getByText(`Promo code ${code} created`).waitFor();
    await page.getByTestId('promo-row').filter({ hasText: code }).waitFor();
    await screenshot(page, 'desktop-admin-promos', true);

    await page.goto('/admin/gift-cards');
    const issue = page.getByTestId('issue-gift-card');
    await issue.waitFor();
    await issue.getByLabel('Amount (₸)').fill('15000');
    await issue.getByLabel(/Note/).fill('E2E gift');
    await issue.locator('button[type="submit"]').click();
    const toast = page.getByTestId('toast').filter({ hasText: 'issued' });
    await toast.waitFor();
    issuedCode =
      /([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3})/.exec((await toast.textContent()) ?? '')?.[1] ?? '';
    expect(issuedCode).not.toBe('');
    const row = page.getByTestId('gift-card-row').filter({ hasText: issuedCode });
    await row.getByRole('button', { name: 'Ledger' }).click();
    await row.getByText('Issued').first().waitFor();
    await screenshot(page, 'desktop-admin-gift-cards', true);
  });

  it('lets a customer redeem a gift card into the wallet on a phone', async () => {
    expect(issuedCode).not.toBe('');
    const page = await newPage(PHONE);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/account/gift-cards');
    const form = page.getByTestId('redeem-gift-card');
    await form.getByLabel('Gift card code').fill(issuedCode.toLowerCase());
    await form.locator('button[type="submit"]').click();
    await page.locator('dialog.cm-dialog[open]').waitFor();
    await screenshot(page, 'phone-redeem-confirm');
    await confirmYes(page);
    await form.getByRole('status').filter({ hasText: 'on its way to your wallet' }).waitFor();
    await screenshot(page, 'phone-redeem-done');
    await form.getByLabel('Gift card code').fill(issuedCode);
    await form.locator('button[type="submit"]').click();
    await confirmYes(page);
    await page.getByText('This gift card has no balance left.').first().waitFor();
  });

  it('lets the seller answer a review of their product', async () => {
    const page = await newPage(PHONE);
    await login(page, 'seller@demo.sauda.kz');
    await page.goto('/seller/reviews');
    await page.getByLabel('Unanswered only').check();
    const item = page.getByTestId('seller-review').filter({ hasText: 'Great for the commute' });
    await item.getByRole('button', { name: 'Answer' }).click();
    await item.getByLabel('Your public answer').fill('Thank you! Enjoy the silence.');
    await screenshot(page, 'phone-seller-answer');
    await item.getByRole('button', { name: 'Publish answer' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Answer published' }).waitFor();
    await page.goto(`/products/${demoProductId(10)}`);
    await page.getByText('Thank you! Enjoy the silence.').waitFor();
    await screenshot(page, 'phone-product-reviews', true);
  });
});
