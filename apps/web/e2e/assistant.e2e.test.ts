/**
 * The assistant journey (issue 8), in Russian: ask for headphones under a price, refine ("дешевле"), add
 * one to the cart from the chat, then ask where the last order is (needs the orders service's demo orders).
 * Screenshots of the panel on desktop and on a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session.close());

/** Sends a message and waits until the assistant's reply to it has finished streaming. */
async function ask(page: Page, message: string): Promise<string> {
  const log = page.getByTestId('assistant-log');
  const before = await log.locator('.as-msg').count();
  await page.getByTestId('assistant-input').fill(message);
  await page.getByTestId('assistant-input').press('Enter');
  const reply = log.locator('.as-msg').nth(before + 1);
  await reply.locator('.as-bubble[aria-busy="false"]').waitFor();
  return (await reply.locator('.as-bubble').innerText()).trim();
}

describe('the assistant in Russian', () => {
  it('finds headphones under a price, refines, adds one to the cart, and says where the last order is', async () => {
    const page = await session.newPage(DESKTOP, { locale: 'ru-RU' });
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/');
    await page.getByTestId('assistant-open').click();
    await page.getByTestId('assistant-panel').waitFor();
    await screenshot(page, 'assistant-desktop-empty');

    const found = await ask(page, 'наушники до 20 тысяч');
    expect(found).toMatch(/Вот что я нашёл/);
    const cards = page
      .getByTestId('assistant-log')
      .locator('.as-msg')
      .last()
      .getByTestId('assistant-product');
    expect(await cards.count()).toBeGreaterThan(0);

    const cheaper = await ask(page, 'дешевле');
    expect(cheaper).toMatch(/Вот что я нашёл|Ничего не нашлось/);
    await screenshot(page, 'assistant-desktop-results');

    const add = await ask(page, 'добавь первый в корзину');
    expect(add).toMatch(/Добавить .* в корзину\?/);
    const confirm = page
      .getByTestId('assistant-log')
      .locator('.as-msg')
      .last()
      .getByTestId('assistant-action');
    await confirm.click();
    await page.getByTestId('assistant-log').getByText('Добавлено в корзину.').waitFor();
    await page.getByTestId('mini-cart-count').waitFor();
    await screenshot(page, 'assistant-desktop-added');

    // Needs the orders service (issue 13): the demo customer's past orders.
    const where = await ask(page, 'где мой последний заказ?');
    expect(where).toMatch(/Заказ SD-/);
    await screenshot(page, 'assistant-desktop-order');
  });

  it('works full screen on a phone', async () => {
    const page = await session.newPage(PHONE, { locale: 'ru-RU' });
    await page.goto('/');
    await page.getByTestId('assistant-open').waitFor();
    await screenshot(page, 'assistant-phone-button');
    await page.getByTestId('assistant-open').click();
    const found = await ask(page, 'черные кроссовки до 60 тысяч');
    expect(found).toMatch(/Вот что я нашёл|Точных совпадений нет/);
    const box = await page.getByTestId('assistant-panel').boundingBox();
    expect(box?.width).toBe(390);
    await screenshot(page, 'assistant-phone-results');
  });
});
