/**
 * The delivery-round journey: a dispatcher plans and publishes the Almaty centre's rounds; the driver, on a
 * phone, starts the round, delivers one parcel with a signature and fails one with a reason; the parcels'
 * public tracking pages then show both outcomes.
 */
import { DEMO_IDS, DEMO_SITES, ParcelCreated, type EventData } from '@sauda/contracts';
import { createPgBossTransport, type EventTransport } from '@sauda/kit';
import { testLogger } from '@sauda/kit/testing';
import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, endDriverRound, login, openBrowser, PHONE, screenshot } from './browser.ts';

/** The machine is shared: UI steps wait up to 20 s for the server's answer. */
const SLOW = { timeout: 20_000, interval: 200 };

let session: Awaited<ReturnType<typeof openBrowser>>;
let bus: EventTransport;

beforeAll(async () => {
  session = await openBrowser();
  const busUrl = inject('busUrl');
  if (!busUrl) throw new Error('the rounds journey needs the system bus (set E2E_BUS_URL with E2E_BASE_URL)');
  bus = createPgBossTransport({ connectionString: busUrl, logger: testLogger, maxConnections: 2 });
});

afterAll(async () => {
  await bus.close();
  await session.close();
});

/** Two parcels for Almaty customers, packed at the Almaty depot, told the way stock tells shipping. */
const PARCELS = [
  { name: 'Zhanna Bekova', line1: 'Kabanbay Batyr St 83', lat: 43.2452, lng: 76.9402 },
  { name: 'Olzhas Serikov', line1: 'Satpaev St 30', lat: 43.2367, lng: 76.9108 },
].map((p) => ({ ...p, orderId: uuidv7() }));

function parcel(p: (typeof PARCELS)[number]): EventData<typeof ParcelCreated> {
  const parcelId = uuidv7();
  return {
    parcelId,
    parcelCode: `PC-${parcelId.slice(-8).toUpperCase()}`,
    orderId: p.orderId,
    depotId: DEMO_SITES.depots.almaty,
    sellerIds: [DEMO_IDS.seller],
    lines: [{ lineId: uuidv7(), variantId: uuidv7(), quantity: 1 }],
    weightGrams: 1400,
    dimensionsCm: { l: 30, w: 20, h: 12 },
    recipient: {
      countryCode: 'KZ',
      city: 'Almaty',
      line1: p.line1,
      lat: p.lat,
      lng: p.lng,
      recipientName: p.name,
      phone: '+7 701 555 7788',
    },
    createdAt: new Date().toISOString(),
  };
}

/** An API call as a demo account, through the gateway. */
async function apiAs<T>(
  email: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const base = session.baseUrl;
  const auth = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await auth.json()) as { accessToken: string };
  const response = await fetch(`${base}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Draws a signature stroke on the pad. */
async function sign(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not visible');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 === 0 ? -25 : 25));
  await page.mouse.up();
}

describe('delivery rounds', () => {
  const numbers: string[] = [];

  it('two parcels packed at the Almaty depot reach the sorting centre and wait for a round', async () => {
    for (const p of PARCELS)
      await bus.publish({
        id: uuidv7(),
        type: ParcelCreated.type,
        occurredAt: new Date().toISOString(),
        source: 'stock',
        data: parcel(p),
        headers: {},
      });
    for (const p of PARCELS) {
      let number = '';
      await expect
        .poll(
          async () => {
            const answer = await apiAs<{ items: { trackingNumber: string }[] }>(
              'dispatcher@demo.sauda.kz',
              `/shipping/orders/${p.orderId}/shipments`,
            ).catch(() => ({ items: [] }));
            number = answer.items[0]?.trackingNumber ?? '';
            return number;
          },
          { timeout: 60_000, interval: 1000 },
        )
        .toMatch(/^SD\d{9}KZ$/);
      numbers.push(number);
      await apiAs('dispatcher@demo.sauda.kz', '/shipping/scans', {
        method: 'POST',
        body: { trackingNumber: number, action: 'accepted', siteId: DEMO_SITES.sortingCentres.almaty },
      });
    }
    const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
    await expect
      .poll(
        async () => {
          const board = await apiAs<{ waiting: { trackingNumber: string }[] }>(
            'dispatcher@demo.sauda.kz',
            `/dispatch/board?centreId=${DEMO_SITES.sortingCentres.almaty}&date=${today}`,
          );
          return numbers.filter((n) => board.waiting.some((s) => s.trackingNumber === n)).length;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(2);
  });

  it('a dispatcher plans the day at the Almaty centre and publishes the rounds', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'dispatcher@demo.sauda.kz');
    await page.goto('/dispatch');
    await page.getByTestId('plan-rounds').waitFor();
    await expect.poll(() => page.getByTestId('stop').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    await screenshot(page, 'dispatch-board-waiting');
    await page.getByTestId('plan-rounds').click();
    await page.getByTestId('round').first().waitFor({ timeout: 30_000 });
    // Rounds other suites drove today may be on the board too: this plan's round is the planned one.
    const statuses = page.getByTestId('round-status');
    await expect.poll(() => statuses.filter({ hasText: 'Planned' }).count(), SLOW).toBeGreaterThan(0);
    await screenshot(page, 'dispatch-board-planned');
    await page.getByTestId('publish-rounds').click();
    await expect.poll(() => statuses.filter({ hasText: 'Published' }).count(), SLOW).toBeGreaterThan(0);
    await expect.poll(() => statuses.filter({ hasText: 'Planned' }).count(), SLOW).toBe(0);
    await screenshot(page, 'dispatch-board-published');
  });

  it('the board also works on a phone', async () => {
    const phone = await session.newPage(PHONE);
    await login(phone, 'dispatcher@demo.sauda.kz');
    await phone.goto('/dispatch');
    await phone.getByTestId('round').first().waitFor();
    await screenshot(phone, 'dispatch-board-phone');
  });

  it('the driver, on a phone, starts the round, delivers with a signature and fails one stop with a reason', async () => {
    const page = await session.newPage(PHONE);
    await login(page, 'driver@demo.sauda.kz');
    await page.goto('/driver');
    await page.getByTestId('start-round').click();
    await expect.poll(() => page.getByTestId('round-status').textContent(), SLOW).toBe('On the road');
    await expect.poll(() => page.getByTestId('pending-banner').count(), SLOW).toBe(0);
    await screenshot(page, 'driver-round');

    const stops = page.getByTestId('driver-stop');
    await stops.filter({ hasText: 'Zhanna Bekova' }).click();
    await page.getByTestId('arrive').click();
    await expect.poll(() => page.getByTestId('stop-status').textContent(), SLOW).toBe('Arrived');
    const cash = page.getByTestId('cash-collected');
    if (await cash.count()) await cash.check();
    await page.getByTestId('recipient-name').fill('Aliya N.');
    await sign(page);
    await screenshot(page, 'driver-deliver');
    await page.getByTestId('confirm-delivery').click();
    await page.getByTestId('driver-stops').waitFor();
    await expect
      .poll(() => stops.filter({ hasText: 'Zhanna Bekova' }).locator('.dr-status').textContent(), SLOW)
      .toBe('Delivered');

    await stops.filter({ hasText: 'Olzhas Serikov' }).click();
    await page.getByRole('button', { name: 'Could not deliver' }).click();
    await page.getByLabel('Nobody at home').check();
    await screenshot(page, 'driver-fail');
    await page.getByTestId('confirm-failure').click();
    await page.getByTestId('driver-stops').waitFor();
    await expect
      .poll(() => stops.filter({ hasText: 'Olzhas Serikov' }).locator('.dr-status').textContent(), SLOW)
      .toBe('Failed attempt');
    await screenshot(page, 'driver-round-progress');
    await endDriverRound(page); // stops other suites left on this round
  });

  it("the customer's tracking page shows the delivery and the failed attempt", async () => {
    const page = await session.newPage(PHONE);
    for (const [number, text] of [
      [numbers[0], /delivered/i],
      [numbers[1], /fail|attempt|not home|absent/i],
    ] as const) {
      await page.goto(`/track/${number}`);
      await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toMatch(text);
      await screenshot(page, `tracking-${number}`);
    }
  });
});
