/** Gives reserved units back: the undo of `reserveStock`, shared by cancellation and expiry. */
import type { Tx } from '@sauda/kit';
import type { ReservationLineRow } from '../data/reservations-repo.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovements } from '../levels/movement.ts';

/** Releases every line's reserved units; a refused guard means the ledger is broken, so it throws. */
export async function releaseLines(
  tx: Tx,
  orderId: string,
  lines: readonly ReservationLineRow[],
  reason: string,
): Promise<void> {
  const released = await applyMovements(
    tx,
    lines.map((line) => ({
      variantId: line.variant_id,
      depotId: line.depot_id,
      kind: 'release' as const,
      delta: { reserved: -line.quantity },
      reason,
      ref: `order:${orderId}`,
    })),
    () =>
      checkLowStock(
        tx,
        lines.map((line) => line.variant_id),
      ),
  );
  if (!released) throw new Error(`reservation of order ${orderId} holds more than the level shows`);
}
