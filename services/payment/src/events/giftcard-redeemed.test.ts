import { GiftCardRedeemed } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';
import { onGiftCardRedeemed } from './giftcard-redeemed.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
});
afterAll(() => t.close());

describe('shop.giftcard.redeemed.v1', () => {
  it('credits the wallet once per redemption, even when the event is handled twice', async () => {
    const customerId = uuidv7();
    const event = {
      id: uuidv7(),
      type: GiftCardRedeemed.type,
      occurredAt: new Date().toISOString(),
      source: 'shop',
      headers: {},
      data: {
        redemptionId: uuidv7(),
        giftCardId: uuidv7(),
        customerId,
        amount: { amount: 2_000_000, currency: 'KZT' as const },
        redeemedAt: new Date().toISOString(),
      },
    };
    await withTransaction(t.db.sql, (tx) => onGiftCardRedeemed(event, tx));
    await withTransaction(t.db.sql, (tx) => onGiftCardRedeemed({ ...event, id: uuidv7() }, tx));
    const wallet = await t.app.inject({
      method: 'GET',
      url: '/payment/wallet',
      headers: await t.as('customer', customerId),
    });
    expect(wallet.json()).toMatchObject({ balance: { amount: 2_000_000 }, items: [{ kind: 'giftcard' }] });
    expect(wallet.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});
