import { DEMO_IDS } from '@sauda/contracts';
import { createDb, type Db, type Principal } from '@sauda/kit';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { issueGiftCard } from './issue-gift-card.ts';
import { redeemGiftCard } from './redeem-gift-card.ts';
import { redeemToWallet } from './redeem-to-wallet.ts';
import { refundGiftCard } from './refund-gift-card.ts';

const admin: Principal = { id: DEMO_IDS.admin, roles: ['admin'] };
const customer: Principal = { id: DEMO_IDS.customer, roles: ['customer'] };

/** One operation of a random history; `key` picks from a small pool so keys repeat (retries). */
type Op =
  | { kind: 'redeem'; amount: number; key: number }
  | { kind: 'refund'; amount: number | undefined; key: number; of: number }
  | { kind: 'wallet'; key: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('redeem' as const),
    amount: fc.integer({ min: 1, max: 6_000 }),
    key: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    amount: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: undefined }),
    key: fc.integer({ min: 0, max: 5 }),
    of: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ kind: fc.constant('wallet' as const), key: fc.integer({ min: 0, max: 1 }) }),
);

describe('gift card ledger', () => {
  let t: ShopTestApp;
  let wide: Db;

  beforeAll(async () => {
    t = await createShopTestApp();
    wide = createDb(t.db.url, { max: 12 });
  });
  afterAll(async () => {
    await wide.end();
    await t.close();
  });

  const state = async (cardId: string) => {
    const [row] = await t.db.sql<{ balance: string; ledger: string; negative: boolean; over: boolean }[]>`
      select g.balance, (select sum(amount) from gift_card_ledger where gift_card_id = g.id) as ledger,
             g.balance < 0 as negative,
             exists (select 1 from gift_card_ledger r where r.gift_card_id = g.id and r.kind = 'redeem'
                     and r.refunded > -r.amount) as over
      from gift_cards g where g.id = ${cardId}`;
    return row;
  };

  it('keeps the balance equal to the ledger sum and never negative under any concurrent history (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000, max: 20_000 }),
        fc.array(opArb, { minLength: 1, maxLength: 14 }),
        async (initial, ops) => {
          const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: initial, currency: 'KZT' } });
          const orderId = uuidv7();
          const redemptions: string[] = [];
          // Redemptions first (so refunds have something to point at), each batch all at once.
          await Promise.allSettled(
            ops.flatMap((op) =>
              op.kind === 'redeem'
                ? [
                    redeemGiftCard(wide, {
                      code: card.code,
                      amount: { amount: op.amount, currency: 'KZT' },
                      orderId,
                      customerId: customer.id,
                      idempotencyKey: `${card.id}:r${op.key}:${op.amount}`,
                    }).then((r) => void redemptions.push(r.redemptionId)),
                  ]
                : [],
            ),
          );
          await Promise.allSettled(
            ops.flatMap((op): Array<Promise<unknown>> => {
              if (op.kind === 'wallet')
                return [
                  redeemToWallet(wide, customer, {
                    code: card.code,
                    idempotencyKey: `${card.id}:w${op.key}`,
                  }),
                ];
              const target = redemptions[op.kind === 'refund' ? op.of % Math.max(redemptions.length, 1) : 0];
              if (op.kind === 'refund' && target)
                return [
                  refundGiftCard(wide, {
                    redemptionId: target,
                    ...(op.amount ? { amount: op.amount } : {}),
                    idempotencyKey: `${card.id}:f${op.key}`,
                  }),
                ];
              return [];
            }),
          );
          const after = await state(card.id);
          expect(after?.negative).toBe(false);
          expect(after?.over).toBe(false);
          expect(Number(after?.balance)).toBe(Number(after?.ledger));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers a retried redemption with the first result and spends once', async () => {
    const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: 10_000, currency: 'KZT' } });
    const input = {
      code: card.code.toLowerCase(),
      amount: { amount: 4_000, currency: 'KZT' as const },
      orderId: uuidv7(),
      customerId: customer.id,
      idempotencyKey: 'retry-key-1',
    };
    const [a, b] = await Promise.all([redeemGiftCard(wide, input), redeemGiftCard(wide, input)]);
    expect(a.redemptionId).toBe(b.redemptionId);
    expect((await state(card.id))?.balance).toBe('6000');
    await expect(
      redeemGiftCard(t.db.sql, { ...input, amount: { amount: 10, currency: 'KZT' } }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
  });

  it('refuses to spend more than the balance or in another currency', async () => {
    const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: 1_000, currency: 'KZT' } });
    const base = { code: card.code, orderId: uuidv7(), customerId: customer.id };
    await expect(
      redeemGiftCard(t.db.sql, {
        ...base,
        amount: { amount: 1_001, currency: 'KZT' },
        idempotencyKey: 'too-much-1',
      }),
    ).rejects.toMatchObject({ code: 'GIFT_CARD_INSUFFICIENT' });
    await expect(
      redeemGiftCard(t.db.sql, {
        ...base,
        amount: { amount: 10, currency: 'USD' },
        idempotencyKey: 'wrong-cur-1',
      }),
    ).rejects.toMatchObject({ code: 'GIFT_CARD_UNUSABLE' });
    // The failed attempts left no ledger rows behind (they rolled back with the guarded update).
    expect((await state(card.id))?.ledger).toBe('1000');
  });

  it('refunds at most what was redeemed, once per key', async () => {
    const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: 5_000, currency: 'KZT' } });
    const r = await redeemGiftCard(t.db.sql, {
      code: card.code,
      amount: { amount: 3_000, currency: 'KZT' },
      orderId: uuidv7(),
      customerId: customer.id,
      idempotencyKey: 'refund-me-1',
    });
    await refundGiftCard(t.db.sql, {
      redemptionId: r.redemptionId,
      amount: 2_000,
      idempotencyKey: 'refund-a',
    });
    await refundGiftCard(t.db.sql, {
      redemptionId: r.redemptionId,
      amount: 2_000,
      idempotencyKey: 'refund-a',
    });
    await expect(
      refundGiftCard(t.db.sql, { redemptionId: r.redemptionId, amount: 2_000, idempotencyKey: 'refund-b' }),
    ).rejects.toMatchObject({ code: 'GIFT_CARD_REFUND_INVALID' });
    const rest = await refundGiftCard(t.db.sql, { redemptionId: r.redemptionId, idempotencyKey: 'refund-c' });
    expect(rest.amount.amount).toBe(1_000);
    expect(rest.balance.amount).toBe(5_000);
  });

  it('moves the whole balance into the wallet once and announces it once through the outbox', async () => {
    const card = await issueGiftCard(t.db.sql, admin, { amount: { amount: 7_500, currency: 'KZT' } });
    const results = await Promise.allSettled([
      redeemToWallet(wide, customer, { code: card.code, idempotencyKey: 'wallet-1' }),
      redeemToWallet(wide, customer, { code: card.code, idempotencyKey: 'wallet-1' }),
      redeemToWallet(wide, customer, { code: card.code, idempotencyKey: 'wallet-2' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const events = await t.db.sql<{ payload: { amount: { amount: number }; giftCardId: string } }[]>`
      select payload from outbox where type = 'shop.giftcard.redeemed.v1' and payload->>'giftCardId' = ${card.id}`;
    expect(events).toHaveLength(1);
    expect(events[0]?.payload.amount.amount).toBe(7_500);
    expect((await state(card.id))?.balance).toBe('0');
  });
});
