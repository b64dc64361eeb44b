/** An admin issues a gift card: the card and its `issue` ledger row are written in one transaction. */
import type { GiftCard, Money } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { PromoCodeTaken } from '../commerce-errors.ts';
import { appendLedger, insertGiftCard, normaliseCode, toGiftCard } from '../data/gift-cards-repo.ts';
import { newGiftCardCode } from './gift-card-code.ts';

/** What an admin fills in. */
export interface GiftCardInput {
  amount: Money;
  code?: string;
  expiresAt?: string | null;
  note?: string;
}

/** Issues a card with the whole amount as its balance. */
export async function issueGiftCard(db: Db, admin: Principal, input: GiftCardInput): Promise<GiftCard> {
  return withTransaction(db, async (tx) => {
    const id = uuidv7();
    const row = await insertGiftCard(tx, {
      id,
      code: input.code ? normaliseCode(input.code) : newGiftCardCode(),
      currency: input.amount.currency,
      amount: input.amount.amount,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      note: input.note ?? '',
      issuedBy: admin.id,
    });
    if (!row) throw new PromoCodeTaken('a gift card with this code exists');
    await appendLedger(tx, {
      id: uuidv7(),
      giftCardId: id,
      kind: 'issue',
      amount: input.amount.amount,
      idempotencyKey: `issue:${id}`,
    });
    return toGiftCard(row);
  });
}
