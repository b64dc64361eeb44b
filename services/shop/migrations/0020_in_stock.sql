-- Availability learned from stock.level.changed.v1 (issue 12): units available per variant over every depot,
-- and per product whether any variant can be bought now (the `inStock` filter and facet). Unknown = not in stock.
create table variant_stock (
  variant_id uuid primary key,
  available int not null check (available >= 0),
  -- The level's time in stock: an older event arriving late never overwrites a newer level.
  changed_at timestamptz not null
);

alter table products add column in_stock boolean not null default false;

-- The facet columns, so the facets of the whole catalog are an index-only scan instead of a pass over the heap.
create index products_facets_idx on products (category_id, brand, price_amount, in_stock)
  where status = 'active' and hidden_at is null;
