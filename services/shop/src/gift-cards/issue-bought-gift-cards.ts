/**
 * Gift cards bought as a product: when an order is confirmed (and paid), each unit of a gift-card line
 * becomes a card owned by the buyer, with its `issue` ledger row and a `shop.giftcard.issued.v1` event, in
 * the confirmation's transaction; a cancelled order's cards are disabled (the undo beside it).
 */
import { GiftCardIssued } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { appendLedger } from '../data/gift-cards-repo.ts';
import {
  disableCardsOfOrder,
  giftCardLinesOfOrder,
  insertPurchasedGiftCard,
} from '../data/purchased-gift-cards-repo.ts';
import { newGiftCardCode } from './gift-card-code.ts';

/** How long a bought card can be spent. */
const VALID_DAYS = 3 * 365;

/** Issues the cards of a confirmed order once per unit; returns how many were new. */
export async function issueBoughtGiftCards(tx: Tx, orderId: string, customerId: string): Promise<number> {
  let issued = 0;
  for (const line of await giftCardLinesOfOrder(tx, orderId)) {
    for (let unit = 1; unit <= line.quantity; unit += 1) {
      const id = uuidv7();
      const amount = Number(line.amount);
      const expiresAt = new Date(Date.now() + VALID_DAYS * 86_400_000);
      const card = await insertPurchasedGiftCard(tx, {
        id,
        code: newGiftCardCode(),
        currency: line.currency,
        amount,
        expiresAt,
        orderId,
        ownerId: customerId,
        unitKey: `${orderId}:${line.variant_id}:${unit}`,
      });
      if (!card) continue;
      await appendLedger(tx, {
        id: uuidv7(),
        giftCardId: id,
        kind: 'issue',
        amount,
        idempotencyKey: `issue:${id}`,
      });
      await appendEvent(tx, GiftCardIssued, {
        giftCardId: id,
        orderId,
        customerId,
        code: card.code,
        amount: { amount, currency: card.currency },
        expiresAt: expiresAt.toISOString(),
        issuedAt: card.created_at.toISOString(),
      });
      issued += 1;
    }
  }
  return issued;
}

/** A cancelled order's bought cards stop working; returns how many were disabled. */
export async function voidBoughtGiftCards(tx: Tx, orderId: string): Promise<number> {
  return disableCardsOfOrder(tx, orderId);
}
