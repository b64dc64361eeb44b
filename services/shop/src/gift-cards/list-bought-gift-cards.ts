/** A customer sees the gift cards they bought (codes to pass on, balances left). */
import type { GiftCard } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { toGiftCard } from '../data/gift-cards-repo.ts';
import { cardsOwnedBy } from '../data/purchased-gift-cards-repo.ts';

/** The caller's own bought cards, newest first (never anyone else's). */
export async function listBoughtGiftCards(db: Db, customer: Principal): Promise<GiftCard[]> {
  return (await cardsOwnedBy(db, customer.id)).map(toGiftCard);
}
