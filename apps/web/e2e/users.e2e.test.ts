import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const customer = {
  name: `Aliya Journey ${id}`,
  email: `journey-${id}@example.com`,
  password: `steppe-horse-${id}`,
};

/** Reloads a page until `target` shows: mail and decisions travel through the outbox asynchronously. */
async function until(page: Page, target: Locator, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 4_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.reload();
    }
  }
}

describe('users: from sign-up to seller', () => {
  it('registers, confirms the email from the local mailbox, adds an address, applies and is approved as a seller', async () => {
    const page = await session.newPage(DESKTOP);
    const admin = await session.newPage(DESKTOP);

    // Register.
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.locator('input[name="name"]').fill(customer.name);
    await form.locator('input[name="email"]').fill(customer.email);
    await form.locator('input[name="password"]').fill(customer.password);
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('account-menu').waitFor();
    await page.goto('/account');
    await page.getByTestId('verify-notice').waitFor();
    await screenshot(page, 'users-account-unverified');

    // The admin reads the verification mail in the local mailbox and hands the link over.
    await login(admin, 'admin@demo.sauda.kz');
    await admin.goto('/admin/mailbox');
    await admin.locator('input[name="to"]').fill(customer.email);
    await admin.locator('input[name="to"]').press('Enter');
    await until(admin, admin.getByTestId('mail'));
    await admin.getByTestId('mail').first().getByRole('button').click();
    const link = (await admin.getByTestId('mail-link').first().getAttribute('href')) ?? '';
    expect(link).toMatch(/^\/verify-email\?token=/);
    await screenshot(admin, 'users-admin-mailbox');

    // Verify, then sign out and back in.
    await page.goto(link);
    await page.locator('[data-testid="verify-email"][data-status="done"]').waitFor();
    await screenshot(page, 'users-email-verified');
    await page.goto('/account');
    await page.getByTestId('logout-button').click();
    await page.getByTestId('account-menu').waitFor({ state: 'detached' });
    await login(page, customer.email, customer.password);

    // An address in Almaty with a pin.
    await page.goto('/account/addresses');
    await page.getByTestId('add-address').click();
    const address = page.getByTestId('address-form');
    await address.locator('input[name="recipient"]').fill(customer.name);
    await address.locator('input[name="street"]').fill('Abay Ave 10, apt 5');
    await address.locator('input[name="postalCode"]').fill('0500');
    await address.locator('button[type="submit"]').click();
    await address.locator('[aria-invalid="true"]').first().waitFor();
    await screenshot(page, 'users-address-invalid');
    await address.locator('input[name="postalCode"]').fill('050000');
    await address.locator('input[name="lat"]').fill('43.238');
    await address.locator('input[name="lng"]').fill('76.889');
    await address.locator('button[type="submit"]').click();
    await page.getByTestId('address').first().waitFor();
    expect(await page.getByTestId('address').first().textContent()).toContain('050000 Almaty');
    await screenshot(page, 'users-addresses');

    // Apply to sell.
    await page.goto('/account/seller');
    const seller = page.getByTestId('seller-form');
    await seller.locator('input[name="shopName"]').fill(`Steppe Crafts ${id}`);
    await seller.locator('input[name="legalName"]').fill('IP Nurlanova A.');
    await seller.locator('input[name="bin"]').fill('000740001307');
    await seller.locator('input[name="iban"]').fill('KZ86125KZT5004100100');
    await seller.locator('input[name="contactPhone"]').fill('+77011234567');
    await seller.locator('button[type="submit"]').click();
    await page.locator('[data-testid="seller-status"][data-status="pending"]').waitFor();
    await screenshot(page, 'users-seller-pending');

    // The admin approves it.
    await admin.goto('/admin/seller-applications');
    const application = admin.locator(`[data-testid="application"][data-email="${customer.email}"]`);
    await application.waitFor();
    await screenshot(admin, 'users-admin-applications');
    await application.getByTestId('approve-application').click();
    await admin.getByTestId('approve-application-confirm').click();
    await admin.getByTestId('toast').first().waitFor();
    expect(await admin.getByTestId('toast').first().textContent()).toContain('approved');

    // The new seller sees it: approved, the seller role, and the seller panel's link where one exists.
    await page.goto('/account/seller');
    await until(page, page.locator('[data-testid="seller-status"][data-status="approved"]'));
    await page.getByText('Seller', { exact: true }).first().waitFor();
    await page
      .waitForFunction(
        () => document.querySelectorAll('[data-testid="seller-panel-link"]').length > 0,
        null,
        {
          timeout: 10_000,
        },
      )
      .catch(() => undefined);
    await screenshot(page, 'users-seller-approved');
    await page.goto('/account');
    await page.getByTestId('account-greeting').waitFor();
    expect(await page.locator('.chips').textContent()).toContain('Seller');
  });

  it('shows the cabinet and the admin tools on a phone', async () => {
    const phone = await session.newPage(PHONE);
    await login(phone, 'customer@demo.sauda.kz');
    for (const [path, name] of [
      ['/account/profile', 'phone-users-profile'],
      ['/account/addresses', 'phone-users-addresses'],
      ['/account/security', 'phone-users-security'],
      ['/account/sessions', 'phone-users-sessions'],
    ] as const) {
      await phone.goto(path);
      await phone.locator('.cabinet__body h1').first().waitFor();
      await screenshot(phone, name);
    }
    const support = await session.newPage(PHONE);
    await login(support, 'support@demo.sauda.kz');
    await support.goto('/admin/users');
    await support.getByTestId('admin-user').first().waitFor();
    await support.getByTestId('admin-user').first().getByRole('button').click();
    await support.getByTestId('admin-user-detail').waitFor();
    // Support reads but cannot change: no save or block buttons.
    expect(await support.getByRole('button', { name: 'Save roles' }).count()).toBe(0);
    await screenshot(support, 'phone-users-admin');
  });

  it('resets a forgotten password through the mailed link', async () => {
    const page = await session.newPage(DESKTOP);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByTestId('forgot-form').locator('input[name="email"]').fill(customer.email);
    await page.getByTestId('forgot-form').locator('button[type="submit"]').click();
    await page.getByTestId('forgot-sent').waitFor();
    await screenshot(page, 'users-forgot-sent');

    const admin = await session.newPage(DESKTOP);
    await login(admin, 'admin@demo.sauda.kz');
    await admin.goto('/admin/mailbox');
    await admin.locator('input[name="to"]').fill(customer.email);
    await admin.locator('input[name="to"]').press('Enter');
    const resetMail = admin.getByTestId('mail').filter({ hasText: 'Reset your Sauda password' });
    await until(admin, resetMail);
    await resetMail.first().getByRole('button').click();
    const link = (await resetMail.first().getByTestId('mail-link').getAttribute('href')) ?? '';

    await page.goto(link);
    await page.getByTestId('reset-form').locator('input[name="password"]').fill(`new-${customer.password}`);
    await page.getByTestId('reset-form').locator('button[type="submit"]').click();
    await page.getByTestId('reset-done').waitFor();
    await login(page, customer.email, `new-${customer.password}`);
  });
});
