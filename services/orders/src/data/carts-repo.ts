/** SQL of carts and their lines. */
import type { CartNotice, Quote, QuoteLine } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';

export interface CartRow {
  id: string;
  guest_token: string | null;
  customer_id: string | null;
  promo_codes: string[];
  gift_cards: string[];
  last_quote: Quote | null;
  updated_at: Date;
}

export interface CartItemRow {
  id: string;
  cart_id: string;
  variant_id: string;
  quantity: number;
  seen_price: string | null;
  notices: CartNotice[];
  snapshot: QuoteLine | null;
  added_at: Date;
}

export async function findCartByToken(db: Queryable, token: string): Promise<CartRow | undefined> {
  const [row] = await db<CartRow[]>`select * from carts where guest_token = ${token}`;
  return row;
}

export async function findCartById(db: Queryable, id: string): Promise<CartRow | undefined> {
  const [row] = await db<CartRow[]>`select * from carts where id = ${id}`;
  return row;
}

/** The customer's cart, created on first use (one per customer, guarded by the unique index). */
export async function customerCart(db: Queryable, customerId: string): Promise<CartRow> {
  const [row] = await db<CartRow[]>`
    insert into carts (id, customer_id) values (${uuidv7()}, ${customerId})
    on conflict (customer_id) do update set customer_id = excluded.customer_id
    returning *`;
  if (!row) throw new Error('cart upsert returned nothing');
  return row;
}

/** A cart read together with its lines (as `cartItems` orders them). */
export interface LoadedCart extends CartRow {
  items: CartItemRow[];
}

/**
 * The customer's cart and its lines in one statement (one round trip instead of two: issue 13), without
 * the upsert's write and row lock; undefined when the customer has no cart yet.
 */
export async function loadCustomerCart(db: Queryable, customerId: string): Promise<LoadedCart | undefined> {
  const rows = await db<Array<CartRow & { item: CartItemRow | null }>>`
    select c.*, case when i.id is null then null else to_jsonb(i) end as item
    from carts c left join cart_items i on i.cart_id = c.id
    where c.customer_id = ${customerId}
    order by i.added_at, i.id`;
  const [first] = rows;
  if (!first) return undefined;
  const { item: _item, ...cart } = first;
  return { ...cart, items: rows.flatMap(({ item }) => (item ? [itemFromJson(item)] : [])) };
}

/** A line read through `to_jsonb`: its timestamp and money come back as JSON text and numbers. */
function itemFromJson(item: CartItemRow): CartItemRow {
  return {
    ...item,
    seen_price: item.seen_price === null ? null : String(item.seen_price),
    added_at: new Date(item.added_at),
  };
}

export async function createGuestCart(db: Queryable, token: string): Promise<CartRow> {
  const [row] = await db<CartRow[]>`
    insert into carts (id, guest_token) values (${uuidv7()}, ${token}) returning *`;
  if (!row) throw new Error('cart insert returned nothing');
  return row;
}

export async function cartItems(db: Queryable, cartId: string): Promise<CartItemRow[]> {
  return db<CartItemRow[]>`select * from cart_items where cart_id = ${cartId} order by added_at, id`;
}

/** The lines of the customer's cart, by customer (pipelined after `customerCart` in one round trip). */
export async function customerCartItems(db: Queryable, customerId: string): Promise<CartItemRow[]> {
  return db<CartItemRow[]>`
    select * from cart_items where cart_id = (select id from carts where customer_id = ${customerId})
    order by added_at, id`;
}

/**
 * Adds units of a variant (summing with a line already there, at most 999); answers the cart's lines
 * after the change, read by the same statement (the other lines as they were, this one as written).
 */
export async function addItem(
  db: Queryable,
  cartId: string,
  line: { variantId: string; quantity: number; price: number; snapshot: QuoteLine },
): Promise<CartItemRow[]> {
  // One statement: the line, the cart's updated_at, and the lines the cart view shows next.
  return db<CartItemRow[]>`
    with added as (
      insert into cart_items (id, cart_id, variant_id, quantity, seen_price, snapshot)
      values (${uuidv7()}, ${cartId}, ${line.variantId}, ${line.quantity}, ${line.price}, ${JSON.stringify(line.snapshot)}::text::jsonb)
      on conflict (cart_id, variant_id) do update set
        quantity = least(cart_items.quantity + excluded.quantity, 999),
        seen_price = excluded.seen_price, snapshot = excluded.snapshot, notices = '[]'
      returning *),
    touched as (update carts set updated_at = now() where id = ${cartId})
    select * from added
    union all
    select * from cart_items where cart_id = ${cartId} and variant_id <> ${line.variantId}
    order by added_at, id`;
}

/** Sets a line's quantity; the customer saw the current price, so it becomes the one compared to. */
export async function changeItem(db: Queryable, cartId: string, itemId: string, quantity: number) {
  const rows = await db`
    update cart_items set quantity = ${quantity}, notices = '[]',
      seen_price = coalesce((snapshot->'unitPrice'->>'amount')::bigint, seen_price)
    where id = ${itemId} and cart_id = ${cartId} returning id`;
  await touch(db, cartId);
  return rows.length > 0;
}

export async function removeItem(db: Queryable, cartId: string, itemId: string): Promise<boolean> {
  const rows = await db`delete from cart_items where id = ${itemId} and cart_id = ${cartId} returning id`;
  await touch(db, cartId);
  return rows.length > 0;
}

export async function setCodes(
  db: Queryable,
  cartId: string,
  codes: { promoCodes?: string[]; giftCards?: string[] },
): Promise<void> {
  if (codes.promoCodes) await db`update carts set promo_codes = ${codes.promoCodes} where id = ${cartId}`;
  if (codes.giftCards) await db`update carts set gift_cards = ${codes.giftCards} where id = ${cartId}`;
  await touch(db, cartId);
}

/** Remembers what shop said about each line and the cart (served while shop is down). */
export async function saveQuote(db: Queryable, cart: CartRow, quote: Quote): Promise<void> {
  // One statement for the cart and every line (the cart view saves each quote it shows).
  await db`
    with saved as (
      update carts set last_quote = ${JSON.stringify(quote)}::text::jsonb where id = ${cart.id})
    update cart_items i set snapshot = l.line
    from jsonb_array_elements(${JSON.stringify(quote.lines)}::text::jsonb) as l(line)
    where i.cart_id = ${cart.id} and i.variant_id = (l.line ->> 'variantId')::uuid`;
}

export async function reduceItem(db: Queryable, itemId: string, quantity: number, notice: CartNotice) {
  await db`update cart_items set quantity = ${quantity}, notices = ${JSON.stringify([notice])}::text::jsonb
           where id = ${itemId}`;
}

/**
 * Moves a guest cart's lines into the customer's (quantities add up, at most 999), keeps its codes,
 * and deletes the guest cart: signing in never loses what was picked as a guest.
 */
export async function mergeCarts(db: Queryable, guest: CartRow, into: CartRow): Promise<void> {
  await db`
    insert into cart_items (id, cart_id, variant_id, quantity, seen_price, snapshot, added_at)
    select gen_random_uuid(), ${into.id}, variant_id, quantity, seen_price, snapshot, added_at
    from cart_items where cart_id = ${guest.id}
    on conflict (cart_id, variant_id) do update set quantity = least(cart_items.quantity + excluded.quantity, 999)`;
  await db`
    update carts set
      promo_codes = (select coalesce(array_agg(distinct c), '{}') from unnest(promo_codes || ${guest.promo_codes}::text[]) c),
      gift_cards = (select coalesce(array_agg(distinct c), '{}') from unnest(gift_cards || ${guest.gift_cards}::text[]) c),
      updated_at = now()
    where id = ${into.id}`;
  await db`delete from carts where id = ${guest.id}`;
}

/** Empties a cart after checkout (codes too). */
export async function emptyCart(db: Queryable, cartId: string): Promise<void> {
  await db`delete from cart_items where cart_id = ${cartId}`;
  await db`update carts set promo_codes = '{}', gift_cards = '{}', updated_at = now() where id = ${cartId}`;
}

async function touch(db: Queryable, cartId: string): Promise<void> {
  await db`update carts set updated_at = now() where id = ${cartId}`;
}
