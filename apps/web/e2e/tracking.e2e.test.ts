/**
 * Public tracking (issue 6): the demo's delivered parcel and its customer return, as anyone sees them
 * (city-level) and as the recipient does (in full), on a desktop and a phone; plus the staff pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, DEMO_PASSWORD, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;
let delivered: string;
let returned: string;
let refusedOriginal: string;

interface Row {
  id: string;
  trackingNumber: string;
  kind: string;
  status: string;
}

/** The demo shipments of an order number, as support finds them (the seed runs as shipping starts). */
async function shipmentsOf(token: string, orderNumber: string): Promise<Row[]> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const answer = await fetch(`${session.baseUrl}/api/admin/shipments?q=${orderNumber}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (answer.ok) {
      const { items } = (await answer.json()) as { items: Row[] };
      if (items.length > 0) return items;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no demo shipments for ${orderNumber}`);
}

beforeAll(async () => {
  session = await openBrowser();
  const auth = await fetch(`${session.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'support@demo.sauda.kz', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  delivered = (await shipmentsOf(accessToken, 'SD-DEMO-0001'))[0]!.trackingNumber;
  returned = (await shipmentsOf(accessToken, 'SD-DEMO-0002')).find(
    (row) => row.kind === 'return',
  )!.trackingNumber;
  refusedOriginal = (await shipmentsOf(accessToken, 'SD-DEMO-0003')).find(
    (row) => row.kind === 'outbound',
  )!.trackingNumber;
});

afterAll(() => session.close());

async function openParcel(page: Page, number: string, status: string): Promise<void> {
  await page.goto(`/track/${number}`);
  // The first visit loads the app and the tracking chunk on a cold system: allow it more than one action's time.
  await page.locator(`[data-testid="tracking-page"][data-status="${status}"]`).waitFor({ timeout: 60_000 });
}

describe('the tracking page', () => {
  it('shows a delivered parcel to anyone at city level, with its timeline and proof', async () => {
    const page = await session.newPage(DESKTOP);
    await openParcel(page, delivered, 'delivered');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Delivered');
    const timeline = page.locator('.trk-timeline');
    expect(await timeline.locator('.trk-event').count()).toBe(7);
    expect(await timeline.textContent()).toContain('Almaty sorting centre');
    expect(await page.locator('.trk-proof').textContent()).toContain('Proof of delivery');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Abay Ave');
    expect(text).not.toContain('Dana');
    await screenshot(page, 'tracking-delivered-desktop', true);
  });

  it('shows a returned parcel on a phone, linked to the parcel it brought back', async () => {
    const page = await session.newPage(PHONE);
    await openParcel(page, returned, 'returned_to_sender');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Returned');
    const linked = page.locator('.trk-links');
    expect(await linked.textContent()).toContain('Original parcel');
    expect(await linked.textContent()).toContain(delivered.slice(0, 2));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'tracking-returned-phone', true);
  });

  it('shows a refused parcel going back to sender on its own number', async () => {
    const page = await session.newPage(PHONE);
    await openParcel(page, refusedOriginal, 'returned_to_sender');
    expect(await page.locator('.trk-links').textContent()).toContain('Back to sender');
    await screenshot(page, 'tracking-refused-phone', true);
  });

  it('shows the recipient their address and who signed, in Russian too', async () => {
    const page = await session.newPage(PHONE, { locale: 'ru-RU' });
    await login(page, 'customer@demo.sauda.kz');
    await openParcel(page, delivered, 'delivered');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Abay Ave 150');
    expect(text).toContain('Dana C.');
    await screenshot(page, 'tracking-recipient-phone-ru', true);
  });

  it('finds a parcel from the search box and explains a malformed number', async () => {
    const page = await session.newPage(PHONE);
    await page.goto('/track');
    await page.locator('#trk-number').fill('SD12');
    await page.getByRole('button', { name: 'Track' }).click();
    await page.locator('#trk-number-error').waitFor();
    await screenshot(page, 'tracking-search-phone');
    await page.locator('#trk-number').fill(delivered.toLowerCase());
    await page.getByRole('button', { name: 'Track' }).click();
    await page.locator('[data-testid="tracking-page"]').waitFor();
    expect(page.url()).toContain(`/track/${delivered}`);
  });
});

describe('the staff pages', () => {
  it('support filters returns and opens a shipment with its full log and the manual event form', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'support@demo.sauda.kz');
    await page.goto('/admin/shipments?returns=true');
    await page.locator('.shp-row').first().waitFor();
    await screenshot(page, 'admin-shipments-returns-desktop', true);
    await page.goto('/admin/shipments');
    await page.locator('.shp-row').first().waitFor();
    await page.locator('.shp-row', { hasText: delivered }).click();
    await page.getByTestId('shipment-detail').waitFor();
    expect(await page.locator('.shp-log__item').count()).toBe(7);
    await screenshot(page, 'admin-shipment-detail-desktop', true);
  });

  it('the scan desk works on a phone with a typed (scanned) number', async () => {
    const page = await session.newPage(PHONE);
    await login(page, 'warehouse@demo.sauda.kz');
    await page.goto('/staff/scans');
    // The returned parcel: a scan after its end is logged and changes nothing (and the other counts stay put).
    await page.locator('#scan-number').fill(returned);
    await page.locator('#scan-number').press('Enter');
    await page.locator('.shp-scan__row').first().waitFor();
    await screenshot(page, 'scan-desk-phone', true);
  });
});
