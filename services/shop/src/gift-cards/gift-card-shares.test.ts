import { DEMO_IDS } from '@sauda/contracts';
import { withTransaction, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { issueGiftCard } from './issue-gift-card.ts';
import { redeemGiftCard } from './redeem-gift-card.ts';
import { refundGiftCardShares, refundOrderGiftCards } from './refund-gift-card.ts';

const admin: Principal = { id: DEMO_IDS.admin, roles: ['admin'] };

describe('gift card shares of cancelled lines and returns (issue 13)', () => {
  let t: ShopTestApp;
  beforeAll(async () => {
    t = await createShopTestApp();
  });
  afterAll(async () => t.close());

  const balance = async (id: string) =>
    Number(
      (await t.db.sql<{ balance: string }[]>`select balance from gift_cards where id = ${id}`)[0]?.balance,
    );
  const shares = (orderId: string, key: string, list: Array<{ code: string; amount: number }>) =>
    withTransaction(t.db.sql, (tx) => refundGiftCardShares(tx, orderId, key, list));

  it('refills each card once per key, never beyond what the order spent, and the cancellation takes the rest', async () => {
    const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: 10_000, currency: 'KZT' } });
    const orderId = uuidv7();
    await redeemGiftCard(t.db.sql, {
      code: card.code,
      amount: { amount: 6_000, currency: 'KZT' },
      orderId,
      customerId: DEMO_IDS.customer,
      idempotencyKey: `order-${orderId}-gift`,
    });
    expect(await balance(card.id)).toBe(4_000);
    // Codes are matched as the customer typed them.
    expect(await shares(orderId, 'lines:1', [{ code: card.code.toLowerCase(), amount: 1_500 }])).toBe(1_500);
    expect(await shares(orderId, 'lines:1', [{ code: card.code, amount: 1_500 }])).toBe(0);
    expect(await balance(card.id)).toBe(5_500);
    // More than is left is capped; a card the order never used is ignored.
    expect(
      await shares(orderId, 'return:2', [
        { code: card.code, amount: 9_000 },
        { code: 'NOT-A-CARD', amount: 100 },
      ]),
    ).toBe(4_500);
    expect(await balance(card.id)).toBe(10_000);
    expect(await withTransaction(t.db.sql, (tx) => refundOrderGiftCards(tx, orderId))).toBe(0);
    expect(await shares(orderId, 'lines:3', [{ code: card.code, amount: 1 }])).toBe(0);
    const [sum] = await t.db.sql<{ total: string }[]>`
      select sum(amount) as total from gift_card_ledger where gift_card_id = ${card.id}`;
    expect(Number(sum?.total)).toBe(10_000);
  });
});
