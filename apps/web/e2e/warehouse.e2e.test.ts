/**
 * The warehouse journey: an order arrives the way `orders` will send it (its events published on the
 * system's bus), a warehouseman picks and packs it on a handheld, and a parcel with a barcode appears.
 */
import { DEMO_IDS, OrderConfirmed, OrderPlaced } from '@sauda/contracts';
import { createPgBossTransport, type EventTransport } from '@sauda/kit';
import { testLogger } from '@sauda/kit/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';
import { demoOrderPlaced, publishAsOrders } from './orders-bus.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
let bus: EventTransport;

beforeAll(async () => {
  session = await openBrowser();
  const busUrl = inject('busUrl');
  if (!busUrl)
    throw new Error('the warehouse journey needs the system bus (set E2E_BUS_URL with E2E_BASE_URL)');
  bus = createPgBossTransport({ connectionString: busUrl, logger: testLogger, maxConnections: 2 });
});

afterAll(async () => {
  await bus.close();
  await session.close();
});

/** Reloads the queue until the order shows (the events travel through the bus first). */
async function waitForTask(page: Page, orderNumber: string) {
  const card = page.getByTestId('pick-task').filter({ hasText: orderNumber });
  for (let attempt = 0; attempt < 30 && (await card.count()) === 0; attempt += 1) {
    await page.goto('/warehouse');
    await page.locator('[data-testid="pick-queue"], .state').first().waitFor();
    if ((await card.count()) === 0) await page.waitForTimeout(1000);
  }
  await card.waitFor();
  return card;
}

describe('the warehouse', () => {
  it('picks and packs an order on a handheld, and a parcel with a barcode appears', async () => {
    const order = demoOrderPlaced(2);
    await publishAsOrders(bus, OrderPlaced, order);
    await publishAsOrders(bus, OrderConfirmed, {
      orderId: order.orderId,
      confirmedAt: new Date().toISOString(),
    });

    const page = await session.newPage(PHONE);
    await login(page, 'warehouse@demo.sauda.kz');
    const card = await waitForTask(page, order.orderNumber);
    await screenshot(page, 'phone-warehouse-queue');
    await card.getByRole('link').first().click();

    await page.getByTestId('pick-task-page').waitFor();
    const scan = page.getByTestId('scan-input');
    await scan.fill('SKU-NOT-ON-ORDER');
    await scan.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'SKU-NOT-ON-ORDER' }).waitFor();
    await scan.fill('DEMO-001');
    await scan.press('Enter');
    await page.getByTestId('pick-line').filter({ hasText: '1/2' }).waitFor();
    await screenshot(page, 'phone-warehouse-pick');
    await page.getByTestId('confirm-one').click();
    await page.getByTestId('to-pack').click();

    const form = page.getByTestId('pack-form');
    await form.locator('input[name="weightGrams"]').fill('950');
    await form.locator('input[name="l"]').fill('25');
    await form.locator('input[name="w"]').fill('18');
    await form.locator('input[name="h"]').fill('9');
    await screenshot(page, 'phone-warehouse-pack', true);
    await form.locator('button[type="submit"]').click();

    const slip = page.getByTestId('packing-slip');
    await slip.waitFor();
    expect(await slip.textContent()).toContain(order.orderNumber);
    expect(await slip.textContent()).toMatch(/PC-[0-9A-Z]{10}/);
    expect(await page.getByTestId('barcode').locator('path').getAttribute('d')).toMatch(/^M10 0h2v1h-2z/);
    await screenshot(page, 'phone-warehouse-slip', true);

    // The finished task lists its parcel.
    await page.goto('/warehouse');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('pick-task').filter({ hasText: order.orderNumber }).getByText(/PC-/).waitFor();
  });

  it('shows the seller their stock per depot and saves a change', async () => {
    for (const device of [DESKTOP, PHONE] as const) {
      const page = await session.newPage(device);
      await login(page, 'seller@demo.sauda.kz');
      await page.goto('/seller/stock');
      await page.getByTestId('stock-item').first().waitFor();
      expect(await page.getByTestId('stock-item').count()).toBeGreaterThanOrEqual(36);
      await screenshot(page, `${device === PHONE ? 'phone' : 'desktop'}-seller-stock`);
    }
    const page = await session.newPage(DESKTOP);
    await login(page, 'seller@demo.sauda.kz');
    await page.goto('/seller/stock');
    const item = page.getByTestId('stock-item').filter({ hasText: 'DEMO-012' });
    const input = item.getByTestId('on-hand-input').first();
    await input.fill('42');
    await input.press('Enter');
    await page.getByTestId('toast').filter({ hasText: 'Stock saved' }).waitFor();
  });

  it('shows the admin the depots with their staff', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/depots');
    await page.getByText('Almaty depot').waitFor();
    expect(await page.getByText(DEMO_IDS.warehouseman).count()).toBe(1);
    await screenshot(page, 'desktop-admin-depots', true);
  });
});
