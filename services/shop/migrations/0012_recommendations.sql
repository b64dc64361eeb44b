-- Precomputed recommendation tables: every read is one indexed lookup.
create table co_purchases (
  product_id uuid not null,
  other_id uuid not null,
  orders int not null check (orders >= 0),
  primary key (product_id, other_id)
);
create index co_purchases_rank_idx on co_purchases (product_id, orders desc);

create table similar_products (
  product_id uuid not null,
  other_id uuid not null,
  score real not null,
  primary key (product_id, other_id)
);
create index similar_products_rank_idx on similar_products (product_id, score desc);
