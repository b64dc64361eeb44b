-- Card tokens: only the provider's token, brand, last four and expiry; never the number, never the CVC.
create table card_tokens (
  token text primary key,
  customer_id uuid not null,
  provider text not null,
  provider_token text not null,
  brand text not null,
  last4 char(4) not null,
  exp_month int not null,
  exp_year int not null,
  created_at timestamptz not null default now()
);
create index card_tokens_customer on card_tokens (customer_id);

create table payment_intents (
  id uuid primary key,
  order_id uuid not null,
  customer_id uuid not null,
  method text not null,
  provider text not null,
  provider_ref text,
  token text references card_tokens (token),
  currency char(3) not null,
  amount bigint not null check (amount > 0),
  amount_captured bigint not null default 0,
  amount_refunded bigint not null default 0 check (amount_refunded <= amount_captured),
  delivery_fee bigint not null default 0,
  status text not null,
  failure_code text,
  next_action_url text,
  return_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (amount_captured <= amount)
);
-- One live intent per order: the same order paid twice is the classic double charge.
create unique index payment_intents_live_order on payment_intents (order_id)
  where status not in ('failed', 'voided');
create index payment_intents_customer on payment_intents (customer_id, created_at desc);
create unique index payment_intents_provider_ref on payment_intents (provider, provider_ref);

create table intent_splits (
  intent_id uuid not null references payment_intents (id),
  line int not null,
  seller_id uuid not null,
  category_id uuid,
  amount bigint not null check (amount >= 0),
  primary key (intent_id, line)
);

create table refunds (
  id uuid primary key,
  intent_id uuid not null references payment_intents (id),
  amount bigint not null check (amount > 0),
  currency char(3) not null,
  destination text not null check (destination in ('original', 'wallet')),
  reason text,
  provider_ref text,
  created_at timestamptz not null default now()
);
create index refunds_intent on refunds (intent_id);

-- Double-entry ledger: every posting's entries sum to zero per currency (checked when posting and by tests).
create table ledger_entries (
  id bigint generated always as identity primary key,
  posting_id uuid not null,
  account text not null,
  currency char(3) not null,
  amount bigint not null,
  kind text not null,
  intent_id uuid,
  memo text,
  available_at timestamptz,
  payout_id uuid,
  created_at timestamptz not null default now()
);
create index ledger_entries_account on ledger_entries (account, id desc);
create index ledger_entries_unpaid on ledger_entries (account, available_at) where payout_id is null;
-- Postings with an external reference (gift card redemption, goodwill request, capture) happen once.
create table ledger_postings (
  id uuid primary key,
  reference text not null unique,
  created_at timestamptz not null default now()
);

-- The wallet balance row is the guard: spending is one statement that only succeeds with enough balance.
create table wallet_balances (
  customer_id uuid not null,
  currency char(3) not null,
  balance bigint not null check (balance >= 0),
  primary key (customer_id, currency)
);

create table commission_rates (
  scope text not null check (scope in ('default', 'category', 'seller')),
  subject_id uuid not null default '00000000-0000-0000-0000-000000000000',
  basis_points int not null check (basis_points between 0 and 5000),
  updated_at timestamptz not null default now(),
  primary key (scope, subject_id)
);

create table seller_payout_accounts (
  seller_id uuid primary key,
  iban text not null,
  holder text not null,
  updated_at timestamptz not null default now()
);

create table payout_batches (
  id uuid primary key,
  period_end timestamptz not null unique,
  currency char(3) not null,
  status text not null default 'created',
  created_at timestamptz not null default now()
);
create table payouts (
  id uuid primary key,
  batch_id uuid not null references payout_batches (id),
  seller_id uuid not null,
  currency char(3) not null,
  amount bigint not null check (amount > 0),
  iban text,
  status text not null,
  created_at timestamptz not null default now(),
  unique (batch_id, seller_id)
);

-- Cash on delivery: one reconciliation per delivery round.
create table cod_collections (
  round_id uuid primary key,
  collected_by uuid not null,
  reported_by uuid not null,
  lines jsonb not null,
  created_at timestamptz not null default now()
);

-- Provider webhooks seen, by the provider's event id: replays are no-ops.
create table webhook_events (
  provider text not null,
  event_id text not null,
  type text not null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);

-- The sandbox bank's own books: what an acquirer would keep. It stores the test scenario, never the number.
create table sandbox_cards (
  provider_token text primary key,
  scenario text not null,
  created_at timestamptz not null default now()
);
create table sandbox_authorizations (
  ref text primary key,
  provider_token text not null references sandbox_cards (provider_token),
  amount bigint not null,
  currency char(3) not null,
  status text not null,
  decline_code text,
  challenge_id uuid unique,
  captured bigint not null default 0,
  refunded bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
