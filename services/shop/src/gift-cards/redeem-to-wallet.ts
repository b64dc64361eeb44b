/**
 * A customer moves a gift card's whole balance into their wallet. The ledger row, the balance and the
 * `shop.giftcard.redeemed.v1` event (which `payment` credits the wallet from) commit together.
 */
import { GiftCardRedeemed, type Money } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Principal } from '@sauda/kit';
import { GiftCardInsufficient, GiftCardNotFound } from '../commerce-errors.ts';
import { findGiftCardsByCodes } from '../data/gift-cards-repo.ts';
import { spend, usableCard } from './redeem-gift-card.ts';

/** Redeems what is left on the card into the caller's wallet, once per idempotency key. */
export async function redeemToWallet(
  db: Db,
  customer: Principal,
  input: { code: string; idempotencyKey: string },
  now = new Date(),
): Promise<{ redemptionId: string; amount: Money }> {
  return withTransaction(db, async (tx) => {
    const [found] = await findGiftCardsByCodes(tx, [input.code]);
    if (!found) throw new GiftCardNotFound();
    const card = await usableCard(tx, input.code, found.currency, now);
    const key = `wallet:${customer.id}:${input.idempotencyKey}`;
    const balance = Number(card.balance);
    const replay = await tx<{ id: string; amount: string }[]>`
      select id, amount from gift_card_ledger where idempotency_key = ${key}`;
    const first = replay[0];
    if (first)
      return { redemptionId: first.id, amount: { amount: -Number(first.amount), currency: card.currency } };
    if (balance <= 0) throw new GiftCardInsufficient('the card is empty');
    const { row, fresh } = await spend(tx, card, {
      kind: 'wallet',
      amount: balance,
      customerId: customer.id,
      idempotencyKey: key,
    });
    const amount = { amount: -Number(row.amount), currency: card.currency };
    // A concurrent twin with the same key already announced it; announcing twice would credit twice.
    if (!fresh) return { redemptionId: row.id, amount };
    await appendEvent(tx, GiftCardRedeemed, {
      redemptionId: row.id,
      giftCardId: card.id,
      customerId: customer.id,
      amount,
      redeemedAt: row.created_at.toISOString(),
    });
    return { redemptionId: row.id, amount };
  });
}
