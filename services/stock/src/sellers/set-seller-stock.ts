/** A seller sets how many units of their SKU a depot holds: one adjustment movement by the difference. */
import type { SellerStockItem, SetStock } from '@sauda/contracts';
import { withTransaction, type Db, type Principal, type Tx } from '@sauda/kit';
import { ownStockItem } from '../data/seller-stock-repo.ts';
import { DepotNotFound, SkuNotFound, StockBelowHeld } from '../errors.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement, ensureLevel } from '../levels/movement.ts';

/** Sets on hand; another seller's SKU is SKU_NOT_FOUND (never revealed), the default depot when none is named. */
export async function setSellerStock(
  db: Db,
  seller: Principal,
  variantId: string,
  input: SetStock,
): Promise<SellerStockItem> {
  await withTransaction(db, async (tx) => {
    await assertOwnSku(tx, seller.id, variantId);
    const depotId = await depotFor(tx, input.depotId);
    await ensureLevel(tx, variantId, depotId);
    // The row lock makes the difference exact even while checkouts reserve the same SKU.
    const [level] = await tx<{ on_hand: number }[]>`
      select on_hand from stock_levels where variant_id = ${variantId} and depot_id = ${depotId} for update`;
    const delta = input.quantity - (level?.on_hand ?? 0);
    if (delta !== 0) {
      const applied = await applyMovement(tx, {
        variantId,
        depotId,
        kind: 'adjustment',
        delta: { onHand: delta },
        reason: 'set by seller',
        actorId: seller.id,
      });
      if (!applied) throw new StockBelowHeld('some units are reserved, sold or set aside');
    }
    await checkLowStock(tx, [variantId]);
  });
  return ownStockItem(db, seller.id, variantId);
}

async function assertOwnSku(tx: Tx, sellerId: string, variantId: string): Promise<void> {
  const [row] = await tx`select 1 from skus where variant_id = ${variantId} and seller_id = ${sellerId}`;
  if (!row) throw new SkuNotFound();
}

async function depotFor(tx: Tx, depotId: string | undefined): Promise<string> {
  const [row] = depotId
    ? await tx<{ id: string }[]>`select id from depots where id = ${depotId} and active`
    : await tx<{ id: string }[]>`select id from depots where active order by is_default desc, code limit 1`;
  if (!row) throw new DepotNotFound();
  return row.id;
}
