/**
 * The payment journeys: a customer confirms a 3-D Secure payment on the sandbox bank's page and sees the
 * wallet; the demo seller reads balance and statement; an admin refunds a payment and batches payouts.
 */
import type { PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, login, openBrowser, PHONE, screenshot } from './browser.ts';

let session: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  session = await openBrowser();
});
afterAll(() => session.close());

async function apiAs(email: string) {
  const response = await fetch(`${session.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken, user } = (await response.json()) as { accessToken: string; user: { id: string } };
  return {
    user,
    call: async <T>(path: string, body: unknown): Promise<T> => {
      const answer = await fetch(`${session.baseUrl}/api${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${accessToken}`,
          'idempotency-key': uuidv7(),
        },
        body: JSON.stringify(body),
      });
      return (await answer.json()) as T;
    },
  };
}

describe('payment', () => {
  it('lets the customer confirm a 3-D Secure payment and shows the wallet', async () => {
    const customer = await apiAs('customer@demo.sauda.kz');
    const card = await customer.call<{ token: string }>('/payment/tokens', {
      card: { number: '4000 0000 0000 3220', expMonth: 12, expYear: 2031, cvc: '123' },
    });
    const { intent } = await customer.call<{ intent: PaymentIntent }>('/payment/intents', {
      orderId: uuidv7(),
      customerId: customer.user.id,
      amount: { amount: 2_515_000, currency: 'KZT' },
      method: 'card',
      token: card.token,
      splits: [
        { sellerId: '01940000-0000-7000-8000-000000000002', amount: { amount: 2_500_000, currency: 'KZT' } },
      ],
      deliveryFee: { amount: 15_000, currency: 'KZT' },
      returnUrl: '/account/wallet',
    });
    expect(intent.status).toBe('requires_action');
    const page = await session.newPage(PHONE);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto(intent.nextAction?.url ?? '/');
    await page.getByTestId('challenge-text').waitFor();
    await screenshot(page, 'payment-challenge-phone');
    await page.getByRole('button', { name: 'Confirm payment' }).click();
    await page.waitForURL('**/account/wallet');
    await page.getByTestId('wallet-balance').waitFor();
    expect(await page.getByTestId('wallet-balance').textContent()).toMatch(/\d/);
    await screenshot(page, 'payment-wallet-phone', true);
  });

  it('shows the card form with the sandbox test cards', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'customer@demo.sauda.kz');
    await page.goto('/account/cards/new');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry (MM/YY)').fill('12/31');
    await page.getByLabel('Security code').fill('123');
    await screenshot(page, 'payment-card-form');
  });

  it("shows the demo seller's balance, statement and payout account", async () => {
    for (const [device, name] of [
      [DESKTOP, 'payment-seller-money'],
      [PHONE, 'payment-seller-money-phone'],
    ] as const) {
      const page = await session.newPage(device);
      await login(page, 'seller@demo.sauda.kz');
      await page.goto('/seller/money');
      await page.getByTestId('seller-statement').waitFor();
      expect(await page.getByTestId('seller-statement').locator('tbody tr').count()).toBeGreaterThan(3);
      await screenshot(page, name, true);
    }
  });

  it('lets an admin refund a payment, see commission rates and create a payout batch', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/payments');
    await page.getByTestId('admin-payments').waitFor();
    await screenshot(page, 'payment-admin-payments');
    await page.getByRole('button', { name: 'Refund' }).first().click();
    await page.getByRole('dialog').getByRole('button').last().click();
    await page.getByText('Refund completed').waitFor();
    await page.getByRole('tab', { name: 'Commission' }).click();
    await page.getByTestId('commission-rates').waitFor();
    await screenshot(page, 'payment-admin-commission');
    await page.getByRole('tab', { name: 'Payout batches' }).click();
    await page.getByRole('button', { name: 'Create payout batch' }).click();
    await page.getByRole('dialog').getByRole('button').last().click();
    await page.getByTestId('payout-batches').waitFor();
    await screenshot(page, 'payment-admin-batches');
  });
});
