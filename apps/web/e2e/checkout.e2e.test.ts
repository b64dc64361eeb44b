/**
 * The checkout journey (issue 13): a guest fills a cart, signs in (the cart merges), checks out with the
 * sandbox card that asks for 3-D Secure, confirms it on the bank's page, sees the order confirmed, and the
 * demo seller sees their seller order. Then every orders page on desktop and phone, for the screenshots.
 */
import { demoProductId } from '@sauda/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, ensureAddress, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
let orderId = '';
let orderNumber = '';

beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session.close());

/** Adds one unit of a demo product from its page and waits for the header's count to reach `count`. */
async function addToCart(page: Page, product: number, count?: number): Promise<void> {
  await page.goto(`/products/${demoProductId(product)}`);
  const buy = page.getByTestId('add-to-cart');
  await buy.getByRole('button', { name: 'Add to cart' }).click();
  await buy.locator('.ct-buy__done').waitFor();
  if (count === undefined) return;
  await page
    .getByTestId('mini-cart-count')
    .filter({ hasText: String(count) })
    .waitFor();
}

describe('checkout', () => {
  it('takes a guest cart through sign-in, 3-D Secure and confirmation, and shows the seller their order', async () => {
    const page = await session.newPage(DESKTOP);
    await addToCart(page, 1, 1);
    await screenshot(page, 'checkout-product-buy-box');
    await addToCart(page, 3, 2);
    await page.goto('/cart');
    await page.getByTestId('cart-lines').waitFor();
    expect(await page.getByTestId('cart-lines').locator('.ct-line').count()).toBe(2);
    await page.getByTestId('promo-form').locator('input').fill('WELCOME10');
    await page.getByTestId('promo-form').getByRole('button', { name: 'Apply' }).click();
    // The code's outcome shows either way: listed with its saving, or why it does not apply.
    await page
      .getByTestId('promo-codes')
      .or(page.getByTestId('promo-form').locator('.field__error'))
      .waitFor();
    await screenshot(page, 'checkout-cart-guest', true);

    await page.getByTestId('mini-cart').click();
    await page.getByTestId('mini-cart-lines').waitFor();
    await screenshot(page, 'checkout-mini-cart');
    await page.keyboard.press('Escape');

    await page.getByTestId('checkout-link').click();
    await page.waitForURL('**/login?next=%2Fcheckout');
    const form = page.getByTestId('login-form');
    await form.locator('input[name="email"]').fill('customer@demo.sauda.kz');
    await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL('**/checkout');
    // The guest's lines came along: the first signed-in call merged the carts.
    await page.locator('.co-review .ct-line').nth(1).waitFor();

    await ensureAddress(page);
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('new-card-option').click();
    const card = page.getByTestId('new-card-form');
    await card.getByLabel('Card number').fill('4000 0000 0000 3220');
    await card.getByLabel('Expiry (MM/YY)').fill('12/31');
    await card.getByLabel('Security code').fill('123');
    await screenshot(page, 'checkout-form', true);

    // A double click places one order: one Idempotency-Key per attempt, and the button locks.
    await page.getByTestId('place-order').dblclick();
    await page.waitForURL('**/payment/challenge/**');
    await page.getByTestId('challenge-text').waitFor();
    await screenshot(page, 'checkout-3ds-challenge');
    await page.getByRole('button', { name: 'Confirm payment' }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
    await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    orderId = /\/orders\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    orderNumber = ((await page.getByTestId('order-number').textContent()) ?? '').replace('Order ', '').trim();
    expect(orderNumber).toMatch(/^SD-/);
    await screenshot(page, 'checkout-order-confirmed', true);

    const orders = await session.newPage(DESKTOP);
    await login(orders, 'customer@demo.sauda.kz');
    await orders.goto('/orders');
    await orders.getByTestId('order-list').waitFor();
    expect(await orders.getByTestId('order-row').filter({ hasText: orderNumber }).count()).toBe(1);

    const seller = await session.newPage(DESKTOP);
    await login(seller, 'seller@demo.sauda.kz');
    await seller.goto('/seller/orders');
    const row = seller.getByTestId('seller-order-row').filter({ hasText: orderNumber });
    await row.first().waitFor();
    await screenshot(seller, 'checkout-seller-orders', true);
    await row.first().click();
    await seller.getByTestId('seller-order-page').waitFor();
    await screenshot(seller, 'checkout-seller-order', true);
  }, 180_000);

  it('shows the customer, seller and admin order pages on a phone and a desktop', async () => {
    const shots: Array<[string, string, string]> = [
      ['customer@demo.sauda.kz', '/orders', 'order-list'],
      ['customer@demo.sauda.kz', `/orders/${orderId}`, 'order-page'],
      ['customer@demo.sauda.kz', '/cart', 'cart'],
      ['seller@demo.sauda.kz', '/seller/orders', 'seller-orders'],
      ['seller@demo.sauda.kz', '/seller/returns', 'seller-returns'],
      ['admin@demo.sauda.kz', '/admin/orders', 'admin-orders'],
      ['admin@demo.sauda.kz', `/admin/orders/${orderId}`, 'admin-order'],
      ['admin@demo.sauda.kz', '/admin/returns', 'admin-returns'],
    ];
    for (const [device, suffix] of [
      [PHONE, '-phone'],
      [DESKTOP, ''],
    ] as const) {
      for (const [email, path, name] of shots) {
        const page = await session.newPage(device);
        await login(page, email);
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `orders-${name}${suffix}`, true);
        await page.context().close();
      }
    }
  }, 300_000);

  it('fits the cart, mini-cart and checkout on a phone', async () => {
    const page = await session.newPage(PHONE);
    await login(page, 'customer@demo.sauda.kz');
    await addToCart(page, 2, 1);
    await screenshot(page, 'checkout-product-buy-box-phone');
    await page.getByTestId('mini-cart').click();
    await page.getByTestId('mini-cart-lines').waitFor();
    await screenshot(page, 'checkout-mini-cart-phone');
    await page.keyboard.press('Escape');
    await page.goto('/cart');
    await page.getByTestId('cart-lines').waitFor();
    await screenshot(page, 'checkout-cart-phone', true);
    await page.getByTestId('checkout-link').click();
    await page.waitForURL('**/checkout');
    await ensureAddress(page);
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('cod-option').click();
    await screenshot(page, 'checkout-form-phone', true);
  });

  it('says clearly when the bank declines, and lets the customer cancel an order', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/cart');
    await page.getByTestId('cart-lines').waitFor();
    await page.getByTestId('checkout-link').click();
    await ensureAddress(page);
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('new-card-option').click();
    const card = page.getByTestId('new-card-form');
    await card.getByLabel('Card number').fill('4000 0000 0000 9995');
    await card.getByLabel('Expiry (MM/YY)').fill('12/31');
    await card.getByLabel('Security code').fill('123');
    await page.getByTestId('place-order').click();
    await page.getByTestId('order-failure').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('order-failure').textContent()).toContain('not enough funds');
    await screenshot(page, 'checkout-order-declined', true);

    await addToCart(page, 2);
    await page.goto('/checkout');
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('cod-option').click();
    await page.getByTestId('place-order').click();
    await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('cancel-order').click();
    await page.getByTestId('cancel-dialog').waitFor();
    await screenshot(page, 'orders-cancel-dialog');
    await page.getByTestId('cancel-confirm').click();
    await page.locator('[data-testid="order-status"][data-status="cancelled"]').waitFor();
    await screenshot(page, 'orders-order-cancelled', true);
  });
});
