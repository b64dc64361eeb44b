-- Product images, display exchange rates, CSV import jobs.

create table product_images (
  id uuid primary key,
  product_id uuid not null references products (id) on delete cascade,
  -- Keys in the media store (disk or object store): the original and its thumbnails.
  original_key text not null,
  large_key text not null,
  thumb_key text not null,
  width int not null,
  height int not null,
  alt text not null default '',
  position int not null default 0,
  created_at timestamptz not null default now()
);
create index product_images_product_idx on product_images (product_id, position);

-- How many units of `currency` one KZT buys, scaled by 1e9 to stay integral (1 KZT = 0.00193 USD → 1930000).
create table exchange_rates (
  currency text primary key check (currency in ('USD', 'EUR', 'RUB')),
  per_kzt_e9 bigint not null check (per_kzt_e9 > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid
);
insert into exchange_rates (currency, per_kzt_e9) values
  ('USD', 1930000), ('EUR', 1780000), ('RUB', 176000000)
on conflict do nothing;

create table import_jobs (
  id uuid primary key,
  seller_id uuid not null,
  seller_name text not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  total_rows int not null default 0,
  processed_rows int not null default 0,
  created_count int not null default 0,
  error_count int not null default 0,
  -- [{ "row": 3, "field": "price", "message": "..." }], capped so a bad file cannot bloat the row.
  errors jsonb not null default '[]',
  csv text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index import_jobs_seller_idx on import_jobs (seller_id, created_at desc);
create index import_jobs_pending_idx on import_jobs (created_at) where status in ('queued', 'running');
