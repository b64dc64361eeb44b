/**
 * SQL for a confirmed order's one-time application: the claim and its set-based effects in one statement,
 * so a confirmation costs one round trip to the database however many tables it touches.
 */
import type { Queryable } from '@sauda/kit';
import type { CommerceOrderRow } from './purchases-repo.ts';

/** A claimed order, with what is left to do after the statement. */
export interface ClaimedOrder extends CommerceOrderRow {
  customer_id: string;
  confirmed_at: Date;
  /** The order's codes it holds no usage of (never reserved at checkout): counted one by one. */
  unreserved_codes: string[];
  /** Some line is a gift card product: its cards are issued. */
  buys_gift_cards: boolean;
}

/**
 * Claims the order's application when it just became complete (placed, confirmed, not cancelled, not yet
 * applied) and, in the same statement, stamps its purchases confirmed, confirms its reserved promo usages
 * and learns its co-purchases. Undefined, and nothing done, when this caller must not apply it.
 */
export async function claimConfirmation(db: Queryable, orderId: string): Promise<ClaimedOrder | undefined> {
  // Every effect joins `claimed`: an order already applied, or not yet complete, changes nothing.
  // The sub-statements share one snapshot; none reads a table another one writes.
  const [row] = await db<ClaimedOrder[]>`
    with claimed as (
      update commerce_orders set applied_at = now()
      where order_id = ${orderId} and placed and confirmed_at is not null and cancelled_at is null
        and applied_at is null and customer_id is not null
      returning *
    ), stamped as (
      update purchases pu set confirmed_at = c.confirmed_at from claimed c where pu.order_id = c.order_id
    ), uses_confirmed as (
      update promo_usages u set status = 'confirmed', updated_at = now()
      from claimed c where u.order_id = c.order_id and u.status = 'reserved'
    ), bought as (
      select distinct pu.product_id from purchases pu join claimed c on c.order_id = pu.order_id
    ), learned as (
      -- Pairs in a fixed order, so two orders sharing products lock their rows alike and cannot deadlock.
      insert into co_purchases (product_id, other_id, orders)
      select a.product_id, b.product_id, 1 from bought a join bought b on a.product_id <> b.product_id
      order by 1, 2
      on conflict (product_id, other_id) do update set orders = co_purchases.orders + 1
    )
    select c.*,
      array(
        select p.code from promo_codes p
        where upper(p.code) in (select upper(code) from unnest(c.promo_codes) code)
          and not exists (select 1 from promo_usages u where u.promo_id = p.id and u.order_id = c.order_id)
      ) as unreserved_codes,
      exists (
        select 1 from purchases pu join product_variants v on v.id = pu.variant_id
          join products p on p.id = v.product_id
        where pu.order_id = c.order_id and p.gift_card
      ) as buys_gift_cards
    from claimed c`;
  return row;
}
