/** SQL for gift cards and their ledger; the balance column only moves with a ledger row, in guarded statements. */
import type { GiftCard, GiftCardLedgerEntry } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

export interface GiftCardRow {
  id: string;
  code: string;
  currency: GiftCard['balance']['currency'];
  initial_amount: string;
  balance: string;
  status: GiftCard['status'];
  expires_at: Date | null;
  note: string;
  created_at: Date;
}

export interface LedgerRow {
  id: string;
  gift_card_id: string;
  kind: GiftCardLedgerEntry['kind'];
  amount: string;
  refunded: string;
  redemption_id: string | null;
  order_id: string | null;
  customer_id: string | null;
  idempotency_key: string;
  created_at: Date;
}

/** The API shape of a card. */
export function toGiftCard(row: GiftCardRow): GiftCard {
  return {
    id: row.id,
    code: row.code,
    balance: { amount: Number(row.balance), currency: row.currency },
    initial: { amount: Number(row.initial_amount), currency: row.currency },
    status: row.status,
    expiresAt: row.expires_at?.toISOString() ?? null,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

/** The API shape of a ledger entry. */
export function toLedgerEntry(
  row: LedgerRow,
  currency: GiftCard['balance']['currency'],
): GiftCardLedgerEntry {
  return {
    id: row.id,
    kind: row.kind,
    amount: { amount: Number(row.amount), currency },
    orderId: row.order_id,
    customerId: row.customer_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** Inserts a card with its whole balance; the caller appends the matching `issue` ledger row. */
export async function insertGiftCard(
  db: Queryable,
  card: {
    id: string;
    code: string;
    currency: string;
    amount: number;
    expiresAt: Date | null;
    note: string;
    issuedBy: string;
  },
): Promise<GiftCardRow | undefined> {
  const [row] = await db<GiftCardRow[]>`
    insert into gift_cards (id, code, currency, initial_amount, balance, expires_at, note, issued_by)
    values (${card.id}, ${card.code}, ${card.currency}, ${card.amount}, ${card.amount}, ${card.expiresAt},
            ${card.note}, ${card.issuedBy})
    on conflict (code) do nothing returning *`;
  return row;
}

/** Cards by code (codes are stored upper-case). */
export async function findGiftCardsByCodes(db: Queryable, codes: string[]): Promise<GiftCardRow[]> {
  if (codes.length === 0) return [];
  return db<GiftCardRow[]>`select * from gift_cards where code = any(${codes.map(normaliseCode)}::text[])`;
}

/** One card by id. */
export async function findGiftCard(db: Queryable, id: string): Promise<GiftCardRow | undefined> {
  const [row] = await db<GiftCardRow[]>`select * from gift_cards where id = ${id}`;
  return row;
}

/** Cards, newest first, optionally by a code fragment. */
export async function listGiftCards(
  db: Queryable,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: GiftCardRow[]; total: number }> {
  const filter = q ? db`where code ilike ${`%${normaliseCode(q)}%`}` : db``;
  const rows = await db<(GiftCardRow & { total: number })[]>`
    select *, count(*) over ()::int as total from gift_cards ${filter}
    order by created_at desc, id limit ${limit} offset ${offset}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** A card's ledger, oldest first. */
export async function ledgerOf(db: Queryable, giftCardId: string): Promise<LedgerRow[]> {
  return db<
    LedgerRow[]
  >`select * from gift_card_ledger where gift_card_id = ${giftCardId} order by created_at, id`;
}

/** Appends a ledger row unless its idempotency key exists: undefined means "already done", read it back. */
export async function appendLedger(
  db: Queryable,
  e: {
    id: string;
    giftCardId: string;
    kind: LedgerRow['kind'];
    amount: number;
    redemptionId?: string | null;
    orderId?: string | null;
    customerId?: string | null;
    idempotencyKey: string;
  },
): Promise<LedgerRow | undefined> {
  const [row] = await db<LedgerRow[]>`
    insert into gift_card_ledger (id, gift_card_id, kind, amount, redemption_id, order_id, customer_id, idempotency_key)
    values (${e.id}, ${e.giftCardId}, ${e.kind}, ${e.amount}, ${e.redemptionId ?? null}, ${e.orderId ?? null},
            ${e.customerId ?? null}, ${e.idempotencyKey})
    on conflict (idempotency_key) do nothing returning *`;
  return row;
}

/** The ledger row an idempotency key names. */
export async function findLedgerByKey(db: Queryable, key: string): Promise<LedgerRow | undefined> {
  const [row] = await db<LedgerRow[]>`select * from gift_card_ledger where idempotency_key = ${key}`;
  return row;
}

/** One ledger row. */
export async function findLedgerRow(db: Queryable, id: string): Promise<LedgerRow | undefined> {
  const [row] = await db<LedgerRow[]>`select * from gift_card_ledger where id = ${id}`;
  return row;
}

/** Redemptions of an order with something left to refund. */
export async function openRedemptionsOfOrder(db: Queryable, orderId: string): Promise<LedgerRow[]> {
  return db<LedgerRow[]>`
    select * from gift_card_ledger where order_id = ${orderId} and kind = 'redeem' and refunded < -amount`;
}

/** Moves the balance by `delta` (negative to spend) only if it stays non-negative: true when it moved. */
export async function moveBalance(db: Queryable, giftCardId: string, delta: number): Promise<boolean> {
  const rows = await db`
    update gift_cards set balance = balance + ${delta}
    where id = ${giftCardId} and balance + ${delta} >= 0 returning id`;
  return rows.length === 1;
}

/** Adds to a redemption's refunded part only while it stays within the redemption: true when added. */
export async function addRefunded(db: Queryable, redemptionId: string, amount: number): Promise<boolean> {
  const rows = await db`
    update gift_card_ledger set refunded = refunded + ${amount}
    where id = ${redemptionId} and kind = 'redeem' and refunded + ${amount} <= -amount returning id`;
  return rows.length === 1;
}

/** Codes are compared upper-case and without spaces. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}
