/** Order events settle promo usage: confirmed orders count exactly once, cancelled ones give the use back. */
import type { Tx } from '@sauda/kit';
import { findPromosByCodes, giveBackUse, moveUsages } from '../data/promos-repo.ts';
import { takeUse } from './reserve-promos.ts';

/**
 * Counts the uses of codes a confirmed order never reserved (its reserved usages are confirmed by
 * `claimConfirmation`); returns the codes that were over a limit.
 */
export async function takeUnreservedPromoUses(
  tx: Tx,
  order: { orderId: string; customerId: string; promoCodes: string[] },
): Promise<string[]> {
  const refused: string[] = [];
  for (const row of await findPromosByCodes(tx, order.promoCodes)) {
    // A savepoint per code: a code over its limit must not undo the others (the order is already confirmed).
    const reason = await tx
      .savepoint(async (sp) => {
        const why = await takeUse(sp, row, order, 'confirmed', null);
        if (why) throw new RefusedUse(why);
        return null;
      })
      .catch((error: unknown) => {
        if (error instanceof RefusedUse) return error.message;
        throw error;
      });
    if (reason) refused.push(`${row.code}: ${reason}`);
  }
  return refused;
}

/** Releases every usage the order holds (reserved or confirmed) and gives the uses back to the counters. */
export async function releasePromoUsage(tx: Tx, orderId: string): Promise<number> {
  const released = await moveUsages(tx, orderId, ['reserved', 'confirmed'], 'released');
  for (const usage of released) await giveBackUse(tx, usage.promo_id, usage.customer_id);
  return released.length;
}

class RefusedUse extends Error {}
