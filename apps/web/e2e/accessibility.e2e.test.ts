/**
 * Accessibility (issue 11): axe-core on every main page, as the role that uses it, in the light theme (every
 * rule) and the dark theme (colour contrast, all that changes there), must find no serious or critical violation; and the keyboard reaches the storefront header
 * and the checkout form in a sensible order with a visible focus ring.
 */
import { readFileSync } from 'node:fs';
import { demoProductId } from '@sauda/contracts';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DESKTOP, ensureAddress, login, openBrowser, PHONE } from './browser.ts';

const AXE_SOURCE = readFileSync(
  createRequire(new URL('../package.json', import.meta.url)).resolve('axe-core/axe.min.js'),
  'utf8',
);

let session: Awaited<ReturnType<typeof openBrowser>>;
/** Ids of demo records the detail pages need, found through the API once. */
const ids = { product: '', order: '', sellerOrder: '', shipment: '', tracking: '' };

beforeAll(async () => {
  session = await openBrowser();
  const base = session.baseUrl;
  const products = await apiAs<{ items: { slug: string }[] }>(
    base,
    'customer@demo.sauda.kz',
    '/products?limit=1',
  );
  ids.product = products.items[0]?.slug ?? '';
  const orders = await apiAs<{ items: { id: string }[] }>(base, 'customer@demo.sauda.kz', '/orders');
  ids.order = orders.items[0]?.id ?? '';
  const sellerOrders = await apiAs<{ items: { id: string }[] }>(
    base,
    'seller@demo.sauda.kz',
    '/seller/orders',
  );
  ids.sellerOrder = sellerOrders.items[0]?.id ?? '';
  // The demo shipments appear as shipping seeds them, shortly after the system starts.
  for (let attempt = 0; attempt < 60 && !ids.shipment; attempt += 1) {
    const shipments = await apiAs<{ items: { id: string; trackingNumber: string }[] }>(
      base,
      'support@demo.sauda.kz',
      '/admin/shipments?q=SD-DEMO-0001',
    );
    ids.shipment = shipments.items[0]?.id ?? '';
    ids.tracking = shipments.items[0]?.trackingNumber ?? '';
    if (!ids.shipment) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (!ids.product || !ids.order || !ids.sellerOrder || !ids.shipment)
    throw new Error(`the demo data is missing a record: ${JSON.stringify(ids)}`);
}, 120_000);
afterAll(() => session.close());

interface Finding {
  path: string;
  theme: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Waits until the page has drawn its content: a heading, quiet network, no loading placeholders. */
async function settle(page: Page): Promise<void> {
  const heading = page.locator('main h1, main h2, [role="dialog"] h2').first();
  // One reload is allowed: a chunk can fail to load while the web app is being rebuilt on a shared machine.
  await heading
    .waitFor({ timeout: 45_000 })
    .catch(() => page.reload().then(() => heading.waitFor({ timeout: 45_000 })))
    .catch((error: unknown) => {
      throw new Error(`${page.url()} showed no heading within 90 s`, { cause: error });
    });
  // Pages that follow live updates keep a stream open, so the network is never idle there.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page
    .waitForFunction(() => document.querySelectorAll('[aria-busy="true"], .skeleton').length === 0, null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

/** Runs axe-core on the page and returns its serious and critical violations. */
async function audit(page: Page, path: string, theme: string): Promise<Finding[]> {
  // Evaluated through the DevTools protocol, so the gateway's strict CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // The dark theme changes colours only: there, the colour-contrast rule alone (the whole set runs in light).
  const rules = theme === 'dark' ? ['color-contrast'] : undefined;
  const violations = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options?: RunOptions): Promise<AxeResults> } }
    ).axe;
    const results = await axe.run(document, only ? { runOnly: { type: 'rule', values: only } } : undefined);
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 4).map((node) => node.target.join(' ')),
    }));
  }, rules);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ path, theme, ...violation }));
}

/** Audits the page as it is in both themes: light first, then dark on the same page (no second visit). */
async function auditThemes(page: Page, path: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    // Colours change with a short transition: audit the finished theme, not a blend of both.
    await page.evaluate(() =>
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
    );
    findings.push(...(await audit(page, path, theme)));
  }
  return findings;
}

/** Visits every path (as the signed-in `email`, or anonymously) and audits it in both themes. */
async function auditPages(email: string | undefined, paths: string[], device = DESKTOP): Promise<Finding[]> {
  const page = await session.newPage(device);
  if (email) await login(page, email);
  const findings: Finding[] = [];
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await settle(page);
    findings.push(...(await auditThemes(page, path)));
  }
  await page.context().close();
  return findings;
}

describe('axe-core finds no serious or critical violation', () => {
  it('on the storefront, the cart, sign-in and public tracking (anonymous)', async () => {
    const findings = await auditPages(undefined, [
      '/',
      '/products?q=phone',
      '/c/electronics',
      `/products/${ids.product}`,
      '/cart',
      '/login',
      '/register',
      '/forgot-password',
      '/track',
      `/track/${ids.tracking}`,
    ]);
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the orders and the cabinet (customer; the checkout is audited below, with a cart)', async () => {
    const findings = await auditPages('customer@demo.sauda.kz', [
      '/orders',
      `/orders/${ids.order}`,
      '/account',
      '/account/profile',
      '/account/addresses',
      '/account/payment-methods',
      '/account/security',
      '/account/sessions',
      '/account/seller',
      '/account/wallet',
      '/account/gift-cards',
    ]);
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the assistant panel, on a desktop and a phone (customer)', async () => {
    const findings: Finding[] = [];
    for (const device of [DESKTOP, PHONE]) {
      const page = await session.newPage(device);
      await login(page, 'customer@demo.sauda.kz');
      await page.goto('/');
      await settle(page);
      await page.getByTestId('assistant-open').click();
      await page.getByTestId('assistant-panel').waitFor();
      findings.push(...(await auditThemes(page, 'assistant panel')));
      await page.context().close();
    }
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the seller panel (seller)', async () => {
    const findings = await auditPages('seller@demo.sauda.kz', [
      '/seller/products',
      '/seller/products/new',
      '/seller/products/import',
      '/seller/orders',
      `/seller/orders/${ids.sellerOrder}`,
      '/seller/returns',
      '/seller/stock',
      '/seller/reviews',
      '/seller/money',
    ]);
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the admin panel (admin)', async () => {
    const findings = await auditPages('admin@demo.sauda.kz', [
      '/admin/users',
      '/admin/seller-applications',
      '/admin/audit',
      '/admin/mailbox',
      '/admin/catalog',
      '/admin/catalog/moderation',
      '/admin/catalog/rates',
      '/admin/promos',
      '/admin/gift-cards',
      '/admin/orders',
      `/admin/orders/${ids.order}`,
      '/admin/returns',
      '/admin/payments',
      '/admin/depots',
      '/admin/operations',
    ]);
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the shipments desk (support)', async () => {
    const findings = await auditPages('support@demo.sauda.kz', [
      '/admin/shipments',
      `/admin/shipments/${ids.shipment}`,
    ]);
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the warehouse (warehouseman, on a phone)', async () => {
    const findings = await auditPages(
      'warehouse@demo.sauda.kz',
      ['/warehouse', '/warehouse/receiving', '/warehouse/returns', '/staff/scans'],
      PHONE,
    );
    expect(findings).toEqual([]);
  }, 600_000);

  it('on the dispatch board and fleet (dispatcher)', async () => {
    const findings = await auditPages('dispatcher@demo.sauda.kz', ['/dispatch', '/dispatch/fleet']);
    expect(findings).toEqual([]);
  }, 600_000);

  it("on the driver's round (driver, on a phone)", async () => {
    const findings = await auditPages('driver@demo.sauda.kz', ['/driver'], PHONE);
    expect(findings).toEqual([]);
  }, 600_000);
});

interface Stop {
  tag: string;
  /** Its accessible label, name attribute, test id and text, joined: enough to recognise it. */
  name: string;
  inHeader: boolean;
  /** Whether the focused element draws an outline or a ring. */
  ring: boolean;
}

/** Presses Tab and describes where the focus landed. */
async function tab(page: Page): Promise<Stop> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', name: '', inHeader: false, ring: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const name = [
      element.getAttribute('aria-label'),
      element.getAttribute('name'),
      element.getAttribute('data-testid'),
      (element.textContent ?? '').trim().slice(0, 40),
    ]
      .filter(Boolean)
      .join(' | ');
    return {
      tag: element.tagName.toLowerCase(),
      name,
      inHeader: element.closest('header') !== null,
      ring: outline || style.boxShadow !== 'none',
    };
  });
}

describe('the keyboard', () => {
  it('tabs through the storefront header in reading order, with a visible focus ring on every stop', async () => {
    const page = await session.newPage(DESKTOP);
    await page.goto('/');
    await settle(page);
    const first = await tab(page);
    // The first stop skips the header for keyboard users.
    expect(first.name).toContain('Skip to content');
    expect(first.ring).toBe(true);
    const stops: Stop[] = [];
    for (let i = 0; i < 12; i += 1) {
      const stop = await tab(page);
      if (!stop.inHeader) break;
      stops.push(stop);
    }
    const names = stops.map((stop) => stop.name);
    expect(stops.filter((stop) => !stop.ring).map((stop) => stop.name)).toEqual([]);
    // Logo, then the catalog link, then search, then the cart and sign-in: the order the eye reads.
    const order = ['Sauda — home', 'Catalog', 'search-input', 'mini-cart'].map((name) =>
      names.findIndex((found) => found.includes(name)),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('tabs through the checkout form field by field, ending on the order button; axe passes there too', async () => {
    // One available line: a line whose product has gone would (rightly) keep the order button disabled.
    const cart = await apiAs<{ items: { id: string }[] }>(session.baseUrl, 'customer@demo.sauda.kz', '/cart');
    for (const line of cart.items)
      await apiAs(session.baseUrl, 'customer@demo.sauda.kz', `/cart/items/${line.id}`, undefined, 'DELETE');
    const page = await session.newPage(DESKTOP);
    await login(page, 'customer@demo.sauda.kz');
    // A demo product: the generated catalog has no stock to sell.
    await page.goto(`/products/${demoProductId(3)}`);
    await page.getByTestId('add-to-cart').getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('add-to-cart').locator('.ct-buy__done').waitFor();
    await page.goto('/checkout');
    await ensureAddress(page);
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('new-card-option').click();
    expect(await auditThemes(page, '/checkout')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // A complete card enables the order button (a disabled button takes no focus).
    const card = page.getByTestId('new-card-form');
    await card.getByLabel('Card number').fill('4242 4242 4242 4242');
    await card.getByLabel('Expiry (MM/YY)').fill('12/31');
    await card.getByLabel('Security code').fill('123');
    await card.getByLabel('Card number').focus();
    const stops: Stop[] = [];
    for (let i = 0; i < 16; i += 1) {
      const stop = await tab(page);
      stops.push(stop);
      if (stop.name.includes('place-order')) break;
    }
    expect(stops.filter((stop) => !stop.ring).map((stop) => stop.name)).toEqual([]);
    const names = stops.map((stop) => stop.name);
    // Card number (focused above) → expiry → security code → … → place the order.
    const expiry = names.findIndex((name) => name.includes('cardExpiry'));
    const cvc = names.findIndex((name) => name.includes('cardCvc'));
    expect(expiry).toBeGreaterThanOrEqual(0);
    expect(cvc).toBeGreaterThan(expiry);
    expect(names.at(-1)).toContain('place-order');
  }, 180_000);
});
