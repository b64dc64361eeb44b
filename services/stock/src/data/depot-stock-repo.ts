/** A depot's stock levels with their SKU names. */
import type { StockQuantities } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';

/** One level row of the depot. */
export type DepotStockRow = StockQuantities & { variantId: string; sku: string; title: string };

/** The depot's levels, filtered by SKU or title when `q` is given. */
export async function depotStock(db: Queryable, depotId: string, q: string): Promise<DepotStockRow[]> {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db<DepotStockRow[]>`
    select l.variant_id as "variantId", coalesce(s.sku, '') as sku, coalesce(s.title, '') as title,
           l.on_hand as "onHand", l.reserved, l.committed, l.unavailable, l.incoming,
           greatest(0, l.on_hand - l.reserved - l.committed - l.unavailable) as available
    from stock_levels l left join skus s on s.variant_id = l.variant_id
    where l.depot_id = ${depotId} and (s.sku ilike ${pattern} or s.title ilike ${pattern})
    order by s.sku limit 500`;
}
