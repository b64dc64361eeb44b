-- Seller shops, kept up to date from shop.product.created.v1 (no foreign key: events may arrive first).
create table seller_shops (
  seller_id uuid primary key,
  name text not null,
  product_count integer not null default 0 check (product_count >= 0),
  last_product_at timestamptz
);
