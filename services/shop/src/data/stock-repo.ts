/** SQL for availability learned from stock: units per variant, and the product's `in_stock` flag. */
import type { Queryable } from '@sauda/kit';

/**
 * Stores a variant's level unless a newer one is already known. True when the level was stored and the
 * variant's in-stock flag now differs from its product's `in_stock`: only then can the product's flag change
 * (a product in stock stays so while this variant is; one out of stock stays so while this one is too).
 */
export async function storeVariantLevel(
  db: Queryable,
  variantId: string,
  available: number,
  at: Date,
): Promise<boolean> {
  const [row] = await db<{ may_flip: boolean }[]>`
    with stored as (
      insert into variant_stock (variant_id, available, changed_at) values (${variantId}, ${available}, ${at})
      on conflict (variant_id) do update set available = excluded.available, changed_at = excluded.changed_at
      where variant_stock.changed_at < excluded.changed_at
      returning variant_id, available
    )
    select (s.available > 0) is distinct from p.in_stock as may_flip
    from stored s join product_variants v on v.id = s.variant_id join products p on p.id = v.product_id`;
  return row?.may_flip ?? false;
}

/**
 * Sets `in_stock` of the variant's product from all its variants' levels; true when the flag flipped
 * (only then do listings change).
 */
export async function refreshProductInStock(db: Queryable, variantId: string): Promise<boolean> {
  const rows = await db`
    update products p set in_stock = level.any
    from (
      select v.product_id, bool_or(coalesce(s.available, 0) > 0) as any
      from product_variants v left join variant_stock s on s.variant_id = v.id
      where v.product_id = (select product_id from product_variants where id = ${variantId})
      group by v.product_id
    ) level
    where p.id = level.product_id and p.in_stock is distinct from level.any
    returning p.id`;
  return rows.length === 1;
}
