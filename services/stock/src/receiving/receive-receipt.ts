/** Receiving, step two: counted units move from incoming to on hand (the count wins over the announcement). */
import type { Receipt } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { getReceipt } from '../data/receipts-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { ReceiptAlreadyReceived } from '../errors.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement } from '../levels/movement.ts';

/** Counts an announced receipt in; `received` may differ from what was expected (the count wins). */
export async function receiveReceipt(
  db: Db,
  caller: Principal,
  receiptId: string,
  received: number,
): Promise<Receipt> {
  const depotId = await staffDepot(db, caller);
  await withTransaction(db, async (tx) => {
    const [receipt] = await tx<{ variant_id: string; expected: number }[]>`
      update receipts set status = 'received', received = ${received}, received_at = now()
      where id = ${receiptId} and depot_id = ${depotId} and status = 'expected'
      returning variant_id, expected`;
    if (!receipt) {
      await getReceipt(tx, depotId, receiptId); // RECEIPT_NOT_FOUND when it is not ours
      throw new ReceiptAlreadyReceived();
    }
    const applied = await applyMovement(tx, {
      variantId: receipt.variant_id,
      depotId,
      kind: 'receipt',
      delta: { incoming: -receipt.expected, onHand: received },
      ref: `receipt:${receiptId}`,
      actorId: caller.id,
    });
    if (!applied) throw new Error(`receipt ${receiptId}: incoming units are not on the level`);
    await checkLowStock(tx, [receipt.variant_id]);
  });
  return getReceipt(db, depotId, receiptId);
}
