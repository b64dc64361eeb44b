/** Seller stock reads: a seller's SKUs with quantities per depot and in total. */
import type { SellerStockItem, StockQuantities } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { SkuNotFound } from '../errors.ts';

interface Row {
  variant_id: string;
  product_id: string;
  sku: string;
  title: string;
  low_threshold: number;
  depot_id: string | null;
  depot_name: string | null;
  on_hand: number | null;
  reserved: number | null;
  committed: number | null;
  unavailable: number | null;
  incoming: number | null;
}

/** The seller's SKUs (all, or one), each with every depot that has a level for it. */
export async function sellerStock(
  db: Queryable,
  sellerId: string,
  variantId: string | null,
): Promise<SellerStockItem[]> {
  const rows = await db<Row[]>`
    select s.variant_id, s.product_id, s.sku, s.title, s.low_threshold, d.id as depot_id, d.name as depot_name,
           l.on_hand, l.reserved, l.committed, l.unavailable, l.incoming
    from skus s
    left join stock_levels l on l.variant_id = s.variant_id
    left join depots d on d.id = l.depot_id
    where s.seller_id = ${sellerId} and (${variantId}::uuid is null or s.variant_id = ${variantId})
    order by s.sku, s.variant_id, d.code`;
  const items = new Map<string, SellerStockItem>();
  for (const row of rows) {
    let item = items.get(row.variant_id);
    if (!item) {
      item = {
        variantId: row.variant_id,
        productId: row.product_id,
        sku: row.sku,
        title: row.title,
        lowThreshold: row.low_threshold,
        low: false,
        totals: quantities(0, 0, 0, 0, 0),
        depots: [],
      };
      items.set(row.variant_id, item);
    }
    if (row.depot_id && row.depot_name) {
      const q = quantities(
        row.on_hand ?? 0,
        row.reserved ?? 0,
        row.committed ?? 0,
        row.unavailable ?? 0,
        row.incoming ?? 0,
      );
      item.depots.push({ depotId: row.depot_id, depotName: row.depot_name, ...q });
      const t = item.totals;
      item.totals = quantities(
        t.onHand + q.onHand,
        t.reserved + q.reserved,
        t.committed + q.committed,
        t.unavailable + q.unavailable,
        t.incoming + q.incoming,
      );
    }
  }
  for (const item of items.values()) item.low = item.totals.available <= item.lowThreshold;
  return [...items.values()];
}

function quantities(
  onHand: number,
  reserved: number,
  committed: number,
  unavailable: number,
  incoming: number,
): StockQuantities {
  return {
    onHand,
    reserved,
    committed,
    unavailable,
    incoming,
    available: Math.max(0, onHand - reserved - committed - unavailable),
  };
}

/** One SKU of the seller with its levels; SKU_NOT_FOUND when it is not theirs. */
export async function ownStockItem(
  db: Queryable,
  sellerId: string,
  variantId: string,
): Promise<SellerStockItem> {
  const [item] = await sellerStock(db, sellerId, variantId);
  if (!item) throw new SkuNotFound();
  return item;
}
