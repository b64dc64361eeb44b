/**
 * Checkout takes its promo codes: each code is counted against its total and per-customer limits in
 * guarded statements, all codes in one transaction, so two orders racing for the last use cannot both win.
 * Idempotent per order: a retried checkout does not count twice.
 */
import { withTransaction, type Db, type Tx } from '@sauda/kit';
import { PromoNotFound, PromoRejected } from '../commerce-errors.ts';
import {
  findPromosByCodes,
  insertUsage,
  takeCustomerUse,
  takeTotalUse,
  toRule,
  type PromoRow,
} from '../data/promos-repo.ts';

/** Reserves every code for the order or none of them; throws PROMO_REJECTED with the reason. */
export async function reservePromos(
  db: Db,
  order: { orderId: string; customerId: string; codes: string[] },
  now = new Date(),
): Promise<{ reserved: string[] }> {
  return withTransaction(db, async (tx) => {
    const rows = await findPromosByCodes(tx, order.codes);
    const reserved: string[] = [];
    // Sorted, so two orders holding the same codes lock their rows in the same order and cannot deadlock.
    for (const code of [...new Set(order.codes.map((c) => c.toUpperCase()))].sort()) {
      const row = rows.find((r) => r.code.toUpperCase() === code);
      if (!row) throw new PromoNotFound(`"${code}" does not exist`);
      const reason = await takeUse(tx, row, order, 'reserved', now);
      if (reason) throw new PromoRejected(`${code}: ${reason}`, { reason, promoCode: code });
      reserved.push(row.code);
    }
    return { reserved };
  });
}

/**
 * Counts one use of a promo by an order in `status`, or says why it cannot. A use the order already holds
 * counts as done. The caller's transaction must roll back when a reason is returned after counting began.
 */
export async function takeUse(
  tx: Tx,
  row: PromoRow,
  order: { orderId: string; customerId: string },
  status: 'reserved' | 'confirmed',
  /** When the code must be valid; null counts without checking (the order was priced while it was). */
  now: Date | null,
): Promise<string | null> {
  const rule = toRule(row);
  if (now && !rule.active) return 'PROMO_INACTIVE';
  if (now && rule.startsAt && now < rule.startsAt) return 'PROMO_NOT_STARTED';
  if (now && rule.endsAt && now >= rule.endsAt) return 'PROMO_EXPIRED';
  if (!(await insertUsage(tx, row.id, order.orderId, order.customerId, status))) return null;
  if (!(await takeTotalUse(tx, row.id))) return 'PROMO_USAGE_LIMIT_REACHED';
  if (!(await takeCustomerUse(tx, row.id, order.customerId, rule.perCustomerLimit)))
    return 'PROMO_CUSTOMER_LIMIT_REACHED';
  return null;
}
