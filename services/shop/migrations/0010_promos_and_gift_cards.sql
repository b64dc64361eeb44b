-- Promo codes with their usage counters, and gift cards whose balance is a ledger.
create table promo_codes (
  id uuid primary key,
  code text not null,
  kind text not null check (kind in ('percentage', 'fixed', 'free_shipping')),
  percent int check (percent between 1 and 100),
  amount bigint check (amount > 0),
  currency text check (currency in ('KZT', 'USD', 'EUR', 'RUB')),
  min_basket_amount bigint check (min_basket_amount > 0),
  min_basket_currency text,
  category_ids uuid[] not null default '{}',
  seller_ids uuid[] not null default '{}',
  product_ids uuid[] not null default '{}',
  starts_at timestamptz,
  ends_at timestamptz,
  usage_limit int check (usage_limit > 0),
  per_customer_limit int check (per_customer_limit > 0),
  -- Counted by guarded statements only: the check makes an over-count impossible even for a buggy caller.
  used_count int not null default 0 check (used_count >= 0 and (usage_limit is null or used_count <= usage_limit)),
  stackable boolean not null default false,
  active boolean not null default true,
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'percentage' or percent is not null),
  check (kind <> 'fixed' or (amount is not null and currency is not null)),
  check (starts_at is null or ends_at is null or starts_at < ends_at)
);
create unique index promo_codes_code_idx on promo_codes (upper(code));

-- One usage per promo per order: reserved at checkout, confirmed by the order event, released on cancel.
create table promo_usages (
  promo_id uuid not null references promo_codes (id),
  order_id uuid not null,
  customer_id uuid not null,
  status text not null check (status in ('reserved', 'confirmed', 'released')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (promo_id, order_id)
);

create table promo_customer_usage (
  promo_id uuid not null references promo_codes (id),
  customer_id uuid not null,
  used int not null check (used >= 0),
  primary key (promo_id, customer_id)
);

create table gift_cards (
  id uuid primary key,
  code text not null unique,
  currency text not null check (currency in ('KZT', 'USD', 'EUR', 'RUB')),
  initial_amount bigint not null check (initial_amount > 0),
  -- A cache of sum(ledger.amount), changed only in the transaction that appends the ledger row.
  balance bigint not null check (balance >= 0),
  status text not null default 'active' check (status in ('active', 'disabled')),
  expires_at timestamptz,
  note text not null default '',
  issued_by uuid,
  created_at timestamptz not null default now()
);

create table gift_card_ledger (
  id uuid primary key,
  gift_card_id uuid not null references gift_cards (id),
  kind text not null check (kind in ('issue', 'redeem', 'refund', 'wallet')),
  amount bigint not null check (amount <> 0),
  -- A redemption's refunded part; refunds are guarded so it never exceeds the redemption.
  refunded bigint not null default 0 check (refunded >= 0),
  redemption_id uuid references gift_card_ledger (id),
  order_id uuid,
  customer_id uuid,
  idempotency_key text not null unique,
  created_at timestamptz not null default now(),
  check (kind = 'refund' or redemption_id is null),
  check ((kind in ('issue', 'refund')) = (amount > 0)),
  check (refunded <= -amount or kind in ('issue', 'refund'))
);
create index gift_card_ledger_card_idx on gift_card_ledger (gift_card_id, created_at);
