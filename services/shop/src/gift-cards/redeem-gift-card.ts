/**
 * Checkout spends part of a gift card for an order. The ledger row (unique idempotency key) and the
 * guarded balance update share one transaction: a retry returns the first answer, a race for the last
 * tenge lets exactly one win, and the balance never goes below zero.
 */
import type { Money } from '@sauda/contracts';
import { withTransaction, type Db, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import {
  GiftCardInsufficient,
  GiftCardNotFound,
  GiftCardUnusable,
  IdempotencyConflict,
} from '../commerce-errors.ts';
import {
  appendLedger,
  findGiftCardsByCodes,
  findLedgerByKey,
  moveBalance,
  type GiftCardRow,
  type LedgerRow,
} from '../data/gift-cards-repo.ts';

/** A redemption as answered to the caller. */
export interface Redemption {
  redemptionId: string;
  giftCardId: string;
  amount: Money;
  balance: Money;
}

/** Spends `amount` of the card for the order, once per idempotency key. */
export async function redeemGiftCard(
  db: Db,
  input: { code: string; amount: Money; orderId: string; customerId: string; idempotencyKey: string },
  now = new Date(),
): Promise<Redemption> {
  return withTransaction(db, async (tx) => {
    const card = await usableCard(tx, input.code, input.amount.currency, now);
    const { row } = await spend(tx, card, {
      kind: 'redeem',
      amount: input.amount.amount,
      orderId: input.orderId,
      customerId: input.customerId,
      idempotencyKey: `redeem:${input.idempotencyKey}`,
    });
    return answer(tx, card, row);
  });
}

/** A card that may be spent now in `currency`, or the reason it may not. */
export async function usableCard(tx: Tx, code: string, currency: string, now: Date): Promise<GiftCardRow> {
  const [card] = await findGiftCardsByCodes(tx, [code]);
  if (!card) throw new GiftCardNotFound();
  if (card.status !== 'active')
    throw new GiftCardUnusable('the card is disabled', { reason: 'GIFT_CARD_DISABLED' });
  if (card.expires_at && card.expires_at <= now)
    throw new GiftCardUnusable('the card has expired', { reason: 'GIFT_CARD_EXPIRED' });
  if (card.currency !== currency)
    throw new GiftCardUnusable(`the card is in ${card.currency}`, { reason: 'GIFT_CARD_CURRENCY_MISMATCH' });
  return card;
}

/** Appends a spending row and takes it off the balance; a repeated key returns the original row, not fresh. */
export async function spend(
  tx: Tx,
  card: GiftCardRow,
  e: {
    kind: 'redeem' | 'wallet';
    amount: number;
    orderId?: string;
    customerId: string;
    idempotencyKey: string;
  },
): Promise<{ row: LedgerRow; fresh: boolean }> {
  const row = await appendLedger(tx, { id: uuidv7(), giftCardId: card.id, ...e, amount: -e.amount });
  if (!row) {
    const first = await findLedgerByKey(tx, e.idempotencyKey);
    if (
      !first ||
      first.gift_card_id !== card.id ||
      Number(first.amount) !== -e.amount ||
      first.kind !== e.kind
    )
      throw new IdempotencyConflict();
    return { row: first, fresh: false };
  }
  if (!(await moveBalance(tx, card.id, -e.amount)))
    throw new GiftCardInsufficient(`the balance is below ${e.amount}`);
  return { row, fresh: true };
}

async function answer(tx: Tx, card: GiftCardRow, row: LedgerRow): Promise<Redemption> {
  const [now] = await findGiftCardsByCodes(tx, [card.code]);
  return {
    redemptionId: row.id,
    giftCardId: card.id,
    amount: { amount: -Number(row.amount), currency: card.currency },
    balance: { amount: Number(now?.balance ?? 0), currency: card.currency },
  };
}
