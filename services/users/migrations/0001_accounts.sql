-- Accounts: one row per person; credentials live here, sessions in 0002.
create table accounts (
  id uuid primary key,
  email text not null check (length(email) between 3 and 254),
  password_hash text not null,
  name text not null check (length(name) between 1 and 100),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  locale text not null default 'en' check (locale in ('en', 'ru', 'kk')),
  currency text not null default 'KZT' check (currency in ('KZT', 'USD', 'EUR', 'RUB')),
  roles text[] not null default '{customer}' check (
    cardinality(roles) > 0
    and roles <@ array['customer', 'seller', 'admin', 'warehouseman', 'driver', 'dispatcher', 'support']::text[]
  ),
  status text not null default 'active' check (status in ('active', 'blocked')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One account per address whatever its case: Ann@x.kz and ann@x.kz are the same person.
create unique index accounts_email_key on accounts (lower(email));
