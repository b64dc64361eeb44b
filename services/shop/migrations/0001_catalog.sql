-- Catalog: categories (a tree) and products, searchable by full text (English, Russian, simple) and trigrams.
create extension if not exists pg_trgm;

create table categories (
  id uuid primary key,
  slug text not null unique,
  parent_id uuid references categories (id),
  names jsonb not null,           -- { "en": "...", "ru": "...", "kk": "..." }
  position int not null default 0
);

create table products (
  id uuid primary key,
  seller_id uuid not null,
  seller_name text not null,
  slug text not null unique,
  title text not null,
  description text not null default '',
  brand text,
  category_id uuid references categories (id),
  price_amount bigint not null check (price_amount > 0),
  currency text not null check (currency in ('KZT', 'USD', 'EUR', 'RUB')),
  status text not null check (status in ('draft', 'active', 'archived')),
  image_url text,
  rating numeric(2, 1),
  attributes jsonb not null default '{}',
  popularity int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(brand, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(title, '')), 'B') ||
    setweight(to_tsvector('russian', coalesce(title, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'D') ||
    setweight(to_tsvector('russian', coalesce(description, '')), 'D')
  ) stored
);

create index products_search_idx on products using gin (search);
create index products_title_trgm_idx on products using gin (lower(title) gin_trgm_ops);
create index products_active_created_idx on products (created_at desc) where status = 'active';
create index products_seller_idx on products (seller_id, created_at desc);
create index products_category_idx on products (category_id) where status = 'active';
create index products_price_idx on products (price_amount) where status = 'active';
