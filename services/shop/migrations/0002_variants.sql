-- Variants (what carts, stock and orders reference), translations, moderation, scheduled sale prices.
-- The product keeps `price_amount` as its "from" price (lowest effective variant price) for listings.

alter table products
  add column translations jsonb not null default '{}',   -- { "ru": { "title", "description" }, "kk": {...} }
  add column hidden_at timestamptz,
  add column hidden_reason text,
  add column compare_at_amount bigint check (compare_at_amount > 0);

create table product_variants (
  id uuid primary key,
  product_id uuid not null references products (id) on delete cascade,
  -- Copied from the product so a SKU is unique per seller by constraint, not by a check-then-insert.
  seller_id uuid not null,
  sku text not null check (length(sku) between 1 and 64),
  options jsonb not null default '{}',                    -- { "size": "M", "colour": "Red" }
  price_amount bigint not null check (price_amount > 0),
  compare_at_amount bigint check (compare_at_amount > 0),
  sale_amount bigint check (sale_amount > 0),
  sale_starts_at timestamptz,
  sale_ends_at timestamptz,
  weight_grams int not null default 0 check (weight_grams >= 0),
  position int not null default 0,
  created_at timestamptz not null default now(),
  unique (seller_id, sku),
  check (sale_amount is null or sale_starts_at is not null),
  check (sale_ends_at is null or sale_starts_at < sale_ends_at)
);
create index product_variants_product_idx on product_variants (product_id, position);
create index product_variants_sale_idx on product_variants (sale_starts_at, sale_ends_at) where sale_amount is not null;

-- Every existing product becomes one variant with its price. Demo products get the id
-- `demoVariantId(n)` (contracts/demo.ts) because stock seeds levels for it: product …0000000dNNNN → …00000 01 eNNNN.
insert into product_variants (id, product_id, seller_id, sku, price_amount, position)
select case when p.id::text like '01900000-0000-7000-8000-0000000d%'
            then ('01900000-0000-7000-8000-0000001e' || right(p.id::text, 4))::uuid
            else p.id end,
       p.id, p.seller_id, 'SKU-' || upper(left(replace(p.id::text, '-', ''), 8)) || right(p.id::text, 4),
       p.price_amount, 0
from products p;

-- Search also covers the Russian and Kazakh translations.
alter table products drop column search;
alter table products add column search tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(brand, '') || ' ' ||
                                    coalesce(translations #>> '{ru,title}', '') || ' ' ||
                                    coalesce(translations #>> '{kk,title}', '')), 'A') ||
    setweight(to_tsvector('english', coalesce(title, '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(translations #>> '{ru,title}', '')), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'D') ||
    setweight(to_tsvector('russian', coalesce(description, '') || ' ' ||
                                     coalesce(translations #>> '{ru,description}', '')), 'D')
  ) stored;
create index products_search_idx on products using gin (search);
create index products_popular_idx on products (popularity desc, created_at desc) where status = 'active';
create index products_attributes_idx on products using gin (attributes jsonb_path_ops);
-- Autocomplete and typo-tolerant matching over the names in every language; brand prefix suggestions.
create index products_names_trgm_idx on products using gin (
  lower(title || ' ' || coalesce(translations #>> '{ru,title}', '') || ' ' || coalesce(translations #>> '{kk,title}', ''))
  gin_trgm_ops);
create index products_brand_prefix_idx on products (lower(brand) text_pattern_ops) where status = 'active';
