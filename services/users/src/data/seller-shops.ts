/** SQL repository of seller shops. */
import type { Queryable } from '@sauda/kit';

export interface SellerShop {
  id: string;
  name: string;
  productCount: number;
}

/** Adds one product to the seller's shop in one statement, creating the shop on its first product. */
export async function addProductToShop(sql: Queryable, sellerId: string, createdAt: Date): Promise<void> {
  await sql`
    insert into seller_shops (seller_id, name, product_count, last_product_at)
    values (${sellerId}, coalesce((select name from accounts where id = ${sellerId}), 'Seller'), 1, ${createdAt})
    on conflict (seller_id) do update set
      product_count = seller_shops.product_count + 1,
      last_product_at = greatest(seller_shops.last_product_at, excluded.last_product_at)`;
}

/** The public face of an active seller: their shop, or an empty one before their first product. */
export async function findSellerShop(sql: Queryable, sellerId: string): Promise<SellerShop | undefined> {
  const [row] = await sql<SellerShop[]>`
    select a.id, coalesce(s.name, a.name) as name, coalesce(s.product_count, 0) as "productCount"
    from accounts a left join seller_shops s on s.seller_id = a.id
    where a.id = ${sellerId} and 'seller' = any(a.roles) and a.status = 'active'`;
  return row;
}
