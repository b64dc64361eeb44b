/** Gives (part of) a redemption back to its card: idempotent by key, never more than was redeemed. */
import type { Money } from '@sauda/contracts';
import { withTransaction, type Db, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { GiftCardRefundInvalid, IdempotencyConflict } from '../commerce-errors.ts';
import {
  addRefunded,
  appendLedger,
  findGiftCard,
  findGiftCardsByCodes,
  findLedgerByKey,
  findLedgerRow,
  moveBalance,
  normaliseCode,
  openRedemptionsOfOrder,
} from '../data/gift-cards-repo.ts';

/** Refunds `amount` (default: all that is left) of a redemption, once per idempotency key. */
export async function refundGiftCard(
  db: Db,
  input: { redemptionId: string; amount?: number; idempotencyKey: string },
): Promise<{ refundId: string; amount: Money; balance: Money }> {
  return withTransaction(db, (tx) => refundInTx(tx, input));
}

/** Refunds what is left of every gift card redemption of a cancelled order. */
export async function refundOrderGiftCards(tx: Tx, orderId: string): Promise<number> {
  const open = await openRedemptionsOfOrder(tx, orderId);
  for (const r of open)
    await refundInTx(tx, { redemptionId: r.id, idempotencyKey: `cancel:${orderId}:${r.id}` });
  return open.length;
}

async function refundInTx(
  tx: Tx,
  input: { redemptionId: string; amount?: number; idempotencyKey: string },
): Promise<{ refundId: string; amount: Money; balance: Money }> {
  const redemption = await findLedgerRow(tx, input.redemptionId);
  if (!redemption || redemption.kind !== 'redeem') throw new GiftCardRefundInvalid('no such redemption');
  const left = -Number(redemption.amount) - Number(redemption.refunded);
  const amount = input.amount ?? left;
  const key = `refund:${input.idempotencyKey}`;
  const row =
    amount > 0
      ? await appendLedger(tx, {
          id: uuidv7(),
          giftCardId: redemption.gift_card_id,
          kind: 'refund',
          amount,
          redemptionId: redemption.id,
          orderId: redemption.order_id,
          customerId: redemption.customer_id,
          idempotencyKey: key,
        })
      : undefined;
  const card = await findGiftCard(tx, redemption.gift_card_id);
  if (!card) throw new GiftCardRefundInvalid('the card vanished');
  if (!row) {
    // Either a replay of this key (answer it again) or nothing left to refund.
    const first = await findLedgerByKey(tx, key);
    if (!first) throw new GiftCardRefundInvalid('nothing is left to refund');
    if (
      first.redemption_id !== redemption.id ||
      (input.amount !== undefined && Number(first.amount) !== input.amount)
    )
      throw new IdempotencyConflict();
    return {
      refundId: first.id,
      amount: money(first.amount, card.currency),
      balance: money(card.balance, card.currency),
    };
  }
  if (!(await addRefunded(tx, redemption.id, amount)))
    throw new GiftCardRefundInvalid(`only ${left} is left to refund`);
  await moveBalance(tx, card.id, amount);
  const after = await findGiftCard(tx, card.id);
  return {
    refundId: row.id,
    amount: money(amount, card.currency),
    balance: money(after?.balance ?? 0, card.currency),
  };
}

const money = (amount: string | number, currency: Money['currency']): Money => ({
  amount: Number(amount),
  currency,
});

/**
 * Gives gift cards their share of money `orders` takes back (cancelled lines, a return): each card's open
 * redemption on the order, capped at what is left, once per `key` and card.
 */
export async function refundGiftCardShares(
  tx: Tx,
  orderId: string,
  key: string,
  shares: ReadonlyArray<{ code: string; amount: number }>,
): Promise<number> {
  const cards = new Map(
    (
      await findGiftCardsByCodes(
        tx,
        shares.map((s) => s.code),
      )
    ).map((c) => [c.code, c]),
  );
  const open = await openRedemptionsOfOrder(tx, orderId);
  let refunded = 0;
  for (const share of shares) {
    const card = cards.get(normaliseCode(share.code));
    const redemption = open.find((r) => r.gift_card_id === card?.id);
    if (!redemption) continue; // already refunded in full (the whole order was cancelled meanwhile)
    const idempotencyKey = `${key}:${redemption.id}`;
    if (await findLedgerByKey(tx, `refund:${idempotencyKey}`)) continue;
    const amount = Math.min(share.amount, -Number(redemption.amount) - Number(redemption.refunded));
    if (amount <= 0) continue;
    await refundInTx(tx, { redemptionId: redemption.id, amount, idempotencyKey });
    refunded += amount;
  }
  return refunded;
}
