/** Admin use cases for promo codes: create, update, list, read. */
import type { NewPromo, Promo, PromoPatch } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { PromoCodeTaken, PromoNotFound } from '../commerce-errors.ts';
import {
  findPromo,
  insertPromo,
  listPromos,
  toPromo,
  updatePromo,
  type PromoRow,
  type PromoValues,
} from '../data/promos-repo.ts';
import { promoValues } from './promo-values.ts';

/** Creates a promo code; codes are unique regardless of letter case. */
export async function createPromo(db: Db, input: NewPromo): Promise<Promo> {
  const row = await insertPromo(db, uuidv7(), input.code.toUpperCase(), promoValues(input));
  if (!row) throw new PromoCodeTaken(`"${input.code}" exists`);
  return toPromo(row);
}

/** Changes a promo's terms; its code and usage counters stay. */
export async function changePromo(db: Db, id: string, patch: PromoPatch): Promise<Promo> {
  const current = await findPromo(db, id);
  if (!current) throw new PromoNotFound();
  const row = await updatePromo(db, id, promoValues(patch, valuesOf(current)));
  if (!row) throw new PromoNotFound();
  return toPromo(row);
}

/** One page of promo codes. */
export async function listPromoCodes(
  db: Db,
  q: string | undefined,
  page: number,
  limit: number,
): Promise<{ items: Promo[]; total: number }> {
  const { rows, total } = await listPromos(db, q, limit, (page - 1) * limit);
  return { items: rows.map(toPromo), total };
}

/** One promo code. */
export async function getPromo(db: Db, id: string): Promise<Promo> {
  const row = await findPromo(db, id);
  if (!row) throw new PromoNotFound();
  return toPromo(row);
}

function valuesOf(row: PromoRow): PromoValues {
  return {
    kind: row.kind,
    percent: row.percent,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    minBasketAmount: row.min_basket_amount === null ? null : Number(row.min_basket_amount),
    minBasketCurrency: row.min_basket_currency,
    categoryIds: row.category_ids,
    sellerIds: row.seller_ids,
    productIds: row.product_ids,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    usageLimit: row.usage_limit,
    perCustomerLimit: row.per_customer_limit,
    stackable: row.stackable,
    active: row.active,
    description: row.description,
  };
}
