/** Receiving, step one: units on their way to a depot count as incoming. */
import type { Receipt } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { getReceipt } from '../data/receipts-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { SkuNotFound } from '../errors.ts';
import { applyMovement, ensureLevel } from '../levels/movement.ts';

/** Announces units on their way to the caller's depot. */
export async function announceReceipt(
  db: Db,
  caller: Principal,
  input: { variantId: string; expected: number; note?: string | undefined },
): Promise<Receipt> {
  const depotId = await staffDepot(db, caller);
  const id = uuidv7();
  await withTransaction(db, async (tx) => {
    const [sku] = await tx`select 1 from skus where variant_id = ${input.variantId}`;
    if (!sku) throw new SkuNotFound();
    await tx`insert into receipts (id, depot_id, variant_id, expected, status, note)
             values (${id}, ${depotId}, ${input.variantId}, ${input.expected}, 'expected', ${input.note ?? ''})`;
    await ensureLevel(tx, input.variantId, depotId);
    await applyMovement(tx, {
      variantId: input.variantId,
      depotId,
      kind: 'incoming',
      delta: { incoming: input.expected },
      ref: `receipt:${id}`,
      actorId: caller.id,
    });
  });
  return getReceipt(db, depotId, id);
}
