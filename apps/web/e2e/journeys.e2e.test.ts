/**
 * Every role's main journey (issue 11), at desktop (1280×800) and phone (390×844) sizes, with a
 * screenshot of each step in artifacts/screenshots/ (`journey-<role>-<step>-<device>.png`). The flows and
 * selectors are the ones the area e2e files already rely on; orders and parcels that other services
 * would send are published on the system's bus, as warehouse.e2e and dispatching.e2e do.
 * The dispatcher's and the driver's journeys are walked by dispatching.e2e.test.ts (board on desktop and
 * phone, the round driven on a phone): the demo has one driver, and a driver drives one round a day.
 */
import { demoProductId, OrderConfirmed, OrderPlaced } from '@sauda/contracts';
import { createPgBossTransport, type EventTransport } from '@sauda/kit';
import { testLogger } from '@sauda/kit/testing';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, DESKTOP, ensureAddress, login, openBrowser, PHONE, screenshot } from './browser.ts';
import { demoOrderPlaced, publishAsOrders } from './orders-bus.ts';

/** The machine is shared: UI steps wait up to 30 s for the server's answer. */
const SLOW = { timeout: 30_000, interval: 250 };
const DEVICES = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

let session: Awaited<ReturnType<typeof openBrowser>>;
let bus: EventTransport;
let delivered = '';

beforeAll(async () => {
  session = await openBrowser();
  const busUrl = inject('busUrl');
  if (!busUrl) throw new Error('the journeys need the system bus (set E2E_BUS_URL with E2E_BASE_URL)');
  bus = createPgBossTransport({ connectionString: busUrl, logger: testLogger, maxConnections: 2 });
  // The demo's delivered parcel, for anonymous tracking (shipping seeds it as it starts).
  for (let attempt = 0; attempt < 60 && !delivered; attempt += 1) {
    const found = await apiAs<{ items: { trackingNumber: string }[] }>(
      session.baseUrl,
      'support@demo.sauda.kz',
      '/admin/shipments?q=SD-DEMO-0001',
    );
    delivered = found.items[0]?.trackingNumber ?? '';
    if (!delivered) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}, 120_000);

afterAll(async () => {
  await bus.close();
  await session.close();
});

const CUSTOMER = 'customer@demo.sauda.kz';
const pages: Page[] = [];

/** A new page (its own context) that waits patiently; closed after each test. */
async function open(size: typeof DESKTOP | typeof PHONE): Promise<Page> {
  const page = await session.newPage(size);
  // The first page of a cold or busy system can take long to load the app and its area chunk.
  page.setDefaultTimeout(45_000);
  page.setDefaultNavigationTimeout(60_000);
  pages.push(page);
  return page;
}

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

/** A confirmed order for the Almaty depot's pick queue. */
async function confirmedOrder(): Promise<string> {
  const order = demoOrderPlaced(1);
  await publishAsOrders(bus, OrderPlaced, order);
  await publishAsOrders(bus, OrderConfirmed, {
    orderId: order.orderId,
    confirmedAt: new Date().toISOString(),
  });
  return order.orderNumber;
}

describe.each(DEVICES)('on a %s', (device, size) => {
  const shot = async (page: Page, role: string, step: string) => {
    // Lazy images on the first screen get a moment to arrive: the screenshots are for people.
    await page
      .waitForFunction(
        () =>
          [...document.images]
            .filter((image) => image.getBoundingClientRect().top < window.innerHeight)
            .every((image) => image.complete),
        null,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    await screenshot(page, `journey-${role}-${step}-${device}`, device === 'desktop');
  };

  it('a customer searches, opens a product, fills the cart, checks out and follows the order', async () => {
    // Start from an empty cart: lines left by other files (or a product since hidden) would change the story.
    const cart = await apiAs<{ items: { id: string }[] }>(session.baseUrl, CUSTOMER, '/cart');
    for (const line of cart.items)
      await apiAs(session.baseUrl, CUSTOMER, `/cart/items/${line.id}`, undefined, 'DELETE');
    const page = await open(size);
    await login(page, CUSTOMER);
    await page.goto('/');
    const search = page.getByTestId('search-input');
    if (!(await search.isVisible())) await page.getByRole('button', { name: 'Open menu' }).click();
    await search.fill('iPhone 15');
    await search.press('Enter');
    await page.locator('[data-testid="product-results"][aria-busy="false"]').waitFor();
    await page.getByTestId('product-card').first().waitFor();
    await shot(page, 'customer', '1-search');

    // The demo's own iPhone (stocked in the demo depots; the generated catalog has no stock to sell).
    const card = page.getByTestId('product-card').filter({ hasText: 'Apple iPhone 15 128GB' }).first();
    if (await card.isVisible()) await card.getByRole('link').first().click();
    else await page.goto(`/products/${demoProductId(2)}`);
    await page.getByTestId('product-detail').waitFor();
    expect(page.url()).toMatch(/\/products\/[a-z0-9-]+$/);
    await shot(page, 'customer', '2-product');
    const buy = page.getByTestId('add-to-cart');
    await buy.getByRole('button', { name: 'Add to cart' }).click();
    await buy.locator('.ct-buy__done').waitFor();

    await page.goto('/cart');
    await page.getByTestId('cart-lines').waitFor();
    await shot(page, 'customer', '3-cart');
    await page.getByTestId('checkout-link').click();
    await page.waitForURL('**/checkout');
    await ensureAddress(page);
    await page.getByTestId('delivery-option').first().waitFor();
    await page.getByTestId('cod-option').click();
    await shot(page, 'customer', '4-checkout');
    await page.getByTestId('place-order').click();
    await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor(SLOW);
    expect(await page.getByTestId('order-number').textContent()).toMatch(/SD-/);
    await shot(page, 'customer', '5-order');
  }, 240_000);

  it('a seller reviews their products and opens an order', async () => {
    const page = await open(size);
    await login(page, 'seller@demo.sauda.kz');
    await page.goto('/seller/products');
    await page.getByTestId('seller-product').first().waitFor();
    await shot(page, 'seller', '1-products');
    await page.goto('/seller/orders');
    await page.getByTestId('seller-order-row').first().click();
    await page.getByTestId('seller-order-page').waitFor();
    await shot(page, 'seller', '2-order');
  }, 180_000);

  it('an admin manages users, moderates the catalog, looks at orders and operations', async () => {
    const page = await open(size);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/users');
    await page.getByTestId('admin-user').first().waitFor();
    await shot(page, 'admin', '1-users');
    await page.goto('/admin/catalog/moderation');
    await page.getByTestId('moderation-row').first().waitFor();
    await shot(page, 'admin', '2-moderation');
    await page.goto('/admin/orders');
    await page.getByTestId('admin-orders').locator('tbody a').first().click();
    await page.getByTestId('admin-order-page').waitFor();
    await page.getByTestId('saga-steps').waitFor();
    await shot(page, 'admin', '3-order');
    await page.goto('/admin/operations');
    // The first answer scrapes every replica: slow on a loaded machine.
    await page.locator('.ops-card[aria-labelledby]').first().waitFor({ timeout: 120_000 });
    await shot(page, 'admin', '4-operations');
  }, 240_000);

  it('a warehouseman picks and packs an order and gets its packing slip', async () => {
    const orderNumber = await confirmedOrder();
    const page = await open(size);
    await login(page, 'warehouse@demo.sauda.kz');
    const card = page.getByTestId('pick-task').filter({ hasText: orderNumber });
    // The order's events travel through the bus first: reload the queue until it shows.
    await expect
      .poll(
        async () => {
          await page.goto('/warehouse');
          await page.locator('[data-testid="pick-queue"], .state').first().waitFor();
          return card.count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    await shot(page, 'warehouse', '1-queue');
    await card.getByRole('link').first().click();
    await page.getByTestId('pick-task-page').waitFor();
    await page.getByTestId('scan-input').fill('DEMO-001');
    await page.getByTestId('scan-input').press('Enter');
    await page.getByTestId('pick-line').filter({ hasText: '1/1' }).waitFor();
    await shot(page, 'warehouse', '2-pick');
    await page.getByTestId('to-pack').click();
    const form = page.getByTestId('pack-form');
    await form.locator('input[name="weightGrams"]').fill('450');
    await form.locator('input[name="l"]').fill('20');
    await form.locator('input[name="w"]').fill('15');
    await form.locator('input[name="h"]').fill('8');
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('packing-slip').waitFor();
    expect(await page.getByTestId('packing-slip').textContent()).toContain(orderNumber);
    await shot(page, 'warehouse', '3-slip');
  }, 240_000);

  it('support looks an order up and opens a shipment with the manual event form', async () => {
    const page = await open(size);
    await login(page, 'support@demo.sauda.kz');
    await page.goto('/admin/orders');
    await page.getByTestId('admin-orders').locator('tbody a').first().click();
    await page.getByTestId('admin-order-page').waitFor();
    await shot(page, 'support', '1-order-lookup');
    await page.goto('/admin/shipments');
    await page.locator('.shp-row', { hasText: delivered }).click();
    await page.getByTestId('shipment-detail').waitFor();
    await page.locator('form[aria-labelledby="shp-form-title"]').waitFor();
    await shot(page, 'support', '2-shipment');
  }, 180_000);

  it('anyone tracks a parcel by its number, without signing in', async () => {
    const page = await open(size);
    await page.goto('/track');
    await page.locator('#trk-number').fill(delivered);
    await page.getByRole('button', { name: 'Track' }).click();
    await page.locator('[data-testid="tracking-page"][data-status="delivered"]').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain(`/track/${delivered}`);
    await shot(page, 'tracking', '1-parcel');
  }, 120_000);
});
