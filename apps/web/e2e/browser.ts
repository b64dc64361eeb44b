/** Shared browser helpers for e2e files: Debian's Chromium, desktop and phone pages, screenshots, sign-in. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where every e2e file saves its screenshots: CI keeps the folder as an artifact (see .ci/run). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The demo accounts' shared password (embedded demo mode). */
export const DEMO_PASSWORD = 'sauda-demo-2026';

/** One browser for a test file; call `close()` in afterAll. */
export async function openBrowser(): Promise<{
  baseUrl: string;
  newPage(device: typeof DESKTOP | typeof PHONE, options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}> {
  const baseUrl = inject('baseUrl');
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  await mkdir(SCREENSHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    async newPage(device, options = {}) {
      const context = await browser.newContext({
        ...device,
        baseURL: baseUrl,
        locale: options.locale ?? 'en-US',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
    },
  };
}

/** A screenshot once animations settled (endless ones, like spinners, are not waited for). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        // A cancelled animation rejects its promise; that one is finished too.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** A call through the gateway as a demo account (for ids the pages under test need, or setup steps). */
export async function apiAs<T>(
  baseUrl: string,
  email: string,
  path: string,
  body?: unknown,
  method: 'GET' | 'POST' | 'DELETE' = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const auth = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs in through the login form and waits for the account menu. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('account-menu').waitFor();
}

/**
 * On the driver's round page: every stop still open fails as "nobody at home", so the round ends and the only
 * demo driver is free for the next plan of the day (suites share one system and run in any order).
 */
export async function endDriverRound(page: Page): Promise<void> {
  const undone = page.locator('[data-testid="driver-stop"]:not(.dr-stop--done)');
  for (let left = await undone.count(); left > 0; left = await undone.count()) {
    await undone.first().click();
    await page.getByRole('button', { name: 'Could not deliver' }).click();
    await page.getByLabel('Nobody at home').check();
    await page.getByTestId('confirm-failure').click();
    await page.getByTestId('driver-stops').waitFor();
    for (let wait = 0; wait < 60 && (await undone.count()) >= left; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Fills the checkout's address form when the customer has no saved address yet. */
export async function ensureAddress(page: Page): Promise<void> {
  const form = page.getByTestId('address-form');
  const saved = page.getByTestId('checkout-address').first();
  await Promise.race([form.waitFor(), saved.waitFor()]);
  if (!(await form.isVisible())) return;
  await form.locator('input[name="recipient"]').fill('Aigerim Demo');
  await form.locator('input[name="street"]').fill('Abay Avenue 10, apt 5');
  await form.locator('input[name="postalCode"]').fill('050000');
  await form.locator('button[type="submit"]').click();
  await saved.waitFor();
}
