/** Admin reads of gift cards (list, one card with its ledger) and disabling a card. */
import type { GiftCard, GiftCardLedgerEntry } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { GiftCardNotFound } from '../commerce-errors.ts';
import {
  findGiftCard,
  ledgerOf,
  listGiftCards,
  toGiftCard,
  toLedgerEntry,
  type GiftCardRow,
} from '../data/gift-cards-repo.ts';

/** One page of cards. */
export async function listGiftCardPage(
  db: Db,
  q: string | undefined,
  page: number,
  limit: number,
): Promise<{ items: GiftCard[]; total: number }> {
  const { rows, total } = await listGiftCards(db, q, limit, (page - 1) * limit);
  return { items: rows.map(toGiftCard), total };
}

/** A card and every movement of its balance. */
export async function giftCardWithLedger(
  db: Db,
  id: string,
): Promise<{ card: GiftCard; ledger: GiftCardLedgerEntry[] }> {
  const card = await findGiftCard(db, id);
  if (!card) throw new GiftCardNotFound();
  const ledger = await ledgerOf(db, id);
  return { card: toGiftCard(card), ledger: ledger.map((e) => toLedgerEntry(e, card.currency)) };
}

/** Stops a card from being spent (its balance stays in the ledger). */
export async function disableGiftCard(db: Db, id: string): Promise<GiftCard> {
  const [row] = await db<
    GiftCardRow[]
  >`update gift_cards set status = 'disabled' where id = ${id} returning *`;
  if (!row) throw new GiftCardNotFound();
  return toGiftCard(row);
}
