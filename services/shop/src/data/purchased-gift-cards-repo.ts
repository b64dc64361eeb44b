/** SQL for gift cards bought as products: the units an order bought, the cards issued for them. */
import type { Queryable } from '@sauda/kit';
import type { GiftCardRow } from './gift-cards-repo.ts';

/** The gift-card lines of an order: face value (the variant's regular price) and how many. */
export async function giftCardLinesOfOrder(
  db: Queryable,
  orderId: string,
): Promise<Array<{ variant_id: string; amount: string; currency: string; quantity: number }>> {
  return db`
    select pu.variant_id, v.price_amount as amount, p.currency, pu.quantity
    from purchases pu join product_variants v on v.id = pu.variant_id join products p on p.id = v.product_id
    where pu.order_id = ${orderId} and p.gift_card
    order by pu.variant_id`;
}

/** Inserts one bought card (its balance whole); undefined when this unit already has its card. */
export async function insertPurchasedGiftCard(
  db: Queryable,
  card: {
    id: string;
    code: string;
    currency: string;
    amount: number;
    expiresAt: Date;
    orderId: string;
    ownerId: string;
    unitKey: string;
  },
): Promise<GiftCardRow | undefined> {
  const [row] = await db<GiftCardRow[]>`
    insert into gift_cards (id, code, currency, initial_amount, balance, expires_at, note, order_id, owner_id,
                            unit_key)
    values (${card.id}, ${card.code}, ${card.currency}, ${card.amount}, ${card.amount}, ${card.expiresAt},
            ${`bought on order ${card.orderId}`}, ${card.orderId}, ${card.ownerId}, ${card.unitKey})
    on conflict (unit_key) do nothing returning *`;
  return row;
}

/** Disables the cards an order bought (its cancellation); returns how many were still active. */
export async function disableCardsOfOrder(db: Queryable, orderId: string): Promise<number> {
  const rows = await db`
    update gift_cards set status = 'disabled' where order_id = ${orderId} and status = 'active' returning id`;
  return rows.length;
}

/** The cards a customer bought, newest first. */
export async function cardsOwnedBy(db: Queryable, ownerId: string): Promise<GiftCardRow[]> {
  return db<GiftCardRow[]>`
    select * from gift_cards where owner_id = ${ownerId} order by created_at desc, id limit 100`;
}
