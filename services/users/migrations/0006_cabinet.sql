-- Delivery addresses, with at most one default per account (the partial unique index guards it).
create table addresses (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  label text check (length(label) <= 50),
  recipient text not null check (length(recipient) between 1 and 100),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  country text not null check (country ~ '^[A-Z]{2}$'),
  city text not null check (length(city) between 1 and 100),
  street text not null check (length(street) between 1 and 200),
  postal_code text not null check (length(postal_code) between 1 and 16),
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create index addresses_account_idx on addresses (account_id, created_at);
create unique index addresses_one_default on addresses (account_id) where is_default;

-- Saved cards as payment's tokens: brand, last four and expiry only, never a card number.
create table payment_methods (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  token text not null unique,
  brand text not null,
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  exp_month integer not null check (exp_month between 1 and 12),
  exp_year integer not null check (exp_year between 2000 and 2200),
  is_default boolean not null default false,
  created_at timestamptz not null default now()
);
create index payment_methods_account_idx on payment_methods (account_id, created_at);
create unique index payment_methods_one_default on payment_methods (account_id) where is_default;

-- Requests to become a seller; one pending per account at a time.
create table seller_applications (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  shop_name text not null check (length(shop_name) between 2 and 80),
  legal_name text not null check (length(legal_name) between 2 and 200),
  bin text not null check (bin ~ '^[0-9]{12}$'),
  iban text not null check (iban ~ '^KZ[0-9]{2}[0-9A-Z]{16}$'),
  contact_email text not null,
  contact_phone text not null check (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  reason text,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz not null
);
create unique index seller_applications_one_pending on seller_applications (account_id) where status = 'pending';
create index seller_applications_status_idx on seller_applications (status, created_at);
