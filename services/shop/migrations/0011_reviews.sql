-- What each customer bought (from order events) and received (from delivery events), and their reviews.

-- Order events may arrive in any order: placed (lines, codes) and confirmed are joined here, and the
-- confirmation's effects (promo usage, co-purchases) apply once, when both are known (`applied_at`).
create table commerce_orders (
  order_id uuid primary key,
  customer_id uuid,
  promo_codes text[] not null default '{}',
  placed boolean not null default false,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  applied_at timestamptz
);

create table purchases (
  order_id uuid not null,
  variant_id uuid not null,
  product_id uuid not null,
  customer_id uuid not null,
  quantity int not null check (quantity > 0),
  confirmed_at timestamptz,
  received_at timestamptz,
  cancelled_at timestamptz,
  primary key (order_id, variant_id)
);
create index purchases_customer_idx on purchases (customer_id, product_id);

create table reviews (
  id uuid primary key,
  product_id uuid not null references products (id),
  customer_id uuid not null,
  author_name text not null,
  rating int not null check (rating between 1 and 5),
  title text not null default '',
  body text not null default '',
  hidden boolean not null default false,
  hidden_reason text,
  answer text,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (product_id, customer_id)
);
create index reviews_product_idx on reviews (product_id, created_at desc) where not hidden;

alter table products add column if not exists review_count int not null default 0;
