-- Depots, the SKU read model, levels and their append-only ledger, reservations, pick/pack, receiving, returns.
create table depots (
  id uuid primary key,
  code text not null unique,
  name text not null,
  country_code text not null,
  city text not null,
  address text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  opening_hours text not null default '',
  is_default boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
-- At most one default depot (where seller adjustments without a depot go).
create unique index depots_one_default on depots (is_default) where is_default;

-- Until `users` says where staff work, stock keeps it: one depot per warehouseman.
create table depot_staff (
  user_id uuid primary key,
  depot_id uuid not null references depots (id),
  attached_at timestamptz not null default now()
);

-- Read model of shop's variants: who owns a SKU decides who may see and change its stock.
create table skus (
  variant_id uuid primary key,
  sku text not null,
  product_id uuid not null,
  seller_id uuid not null,
  title text not null,
  weight_grams int not null default 0,
  low_threshold int not null default 5 check (low_threshold >= 0),
  low_since timestamptz,
  updated_at timestamptz not null default now()
);
create index skus_seller on skus (seller_id, sku);

create table stock_levels (
  variant_id uuid not null,
  depot_id uuid not null references depots (id),
  on_hand int not null default 0,
  reserved int not null default 0,
  committed int not null default 0,
  unavailable int not null default 0,
  incoming int not null default 0,
  primary key (variant_id, depot_id),
  -- The last line of defence against overselling: no guarded statement can break these.
  check (on_hand >= 0 and reserved >= 0 and committed >= 0 and unavailable >= 0 and incoming >= 0),
  check (reserved + committed + unavailable <= on_hand)
);

-- Append-only: every level change is one row here, in the same transaction (levels = sum of the ledger).
create table movements (
  id bigint generated always as identity primary key,
  variant_id uuid not null,
  depot_id uuid not null,
  kind text not null check (kind in ('receipt', 'incoming', 'adjustment', 'reservation', 'release', 'commit',
                                     'pick', 'ship', 'return-restock', 'damage', 'shortage')),
  on_hand int not null default 0,
  reserved int not null default 0,
  committed int not null default 0,
  unavailable int not null default 0,
  incoming int not null default 0,
  reason text,
  ref text,
  actor_id uuid,
  created_at timestamptz not null default now()
);
create index movements_level on movements (variant_id, depot_id);
create rule movements_no_update as on update to movements do instead nothing;
create rule movements_no_delete as on delete to movements do instead nothing;

-- One row per order, whatever happened to it: the unique order id makes every handler idempotent.
create table reservations (
  id uuid primary key,
  order_id uuid not null unique,
  order_number text not null default '',
  status text not null check (status in ('active', 'committed', 'released', 'expired', 'rejected', 'cancelled')),
  shipping_address jsonb,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index reservations_expiring on reservations (expires_at) where status = 'active';

create table reservation_lines (
  reservation_id uuid not null references reservations (id),
  line_id uuid not null,
  variant_id uuid not null,
  depot_id uuid not null references depots (id),
  quantity int not null check (quantity > 0),
  sku text not null,
  title text not null,
  seller_id uuid not null,
  primary key (reservation_id, line_id, depot_id)
);

create table pick_tasks (
  id uuid primary key,
  order_id uuid not null,
  order_number text not null default '',
  depot_id uuid not null references depots (id),
  status text not null check (status in ('open', 'picking', 'picked', 'packed', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, depot_id)
);
create index pick_tasks_queue on pick_tasks (depot_id, status, created_at);

create table pick_lines (
  task_id uuid not null references pick_tasks (id),
  line_id uuid not null,
  variant_id uuid not null,
  sku text not null,
  title text not null,
  quantity int not null check (quantity >= 0),
  picked int not null default 0 check (picked >= 0),
  packed int not null default 0 check (packed >= 0),
  short int not null default 0 check (short >= 0),
  primary key (task_id, line_id),
  check (picked <= quantity and packed <= picked)
);

create table parcels (
  id uuid primary key,
  code text not null unique,
  task_id uuid not null references pick_tasks (id),
  order_id uuid not null,
  depot_id uuid not null references depots (id),
  weight_grams int not null check (weight_grams > 0),
  length_cm int not null check (length_cm > 0),
  width_cm int not null check (width_cm > 0),
  height_cm int not null check (height_cm > 0),
  created_by uuid,
  created_at timestamptz not null default now()
);

create table parcel_lines (
  parcel_id uuid not null references parcels (id),
  line_id uuid not null,
  variant_id uuid not null,
  quantity int not null check (quantity > 0),
  primary key (parcel_id, line_id)
);

create table receipts (
  id uuid primary key,
  depot_id uuid not null references depots (id),
  variant_id uuid not null,
  expected int not null check (expected > 0),
  received int,
  status text not null check (status in ('expected', 'received')),
  note text not null default '',
  created_at timestamptz not null default now(),
  received_at timestamptz
);

create table returns (
  id uuid primary key,
  parcel_id uuid not null unique references parcels (id),
  depot_id uuid not null references depots (id),
  status text not null check (status in ('awaiting', 'inspected')),
  created_at timestamptz not null default now(),
  inspected_at timestamptz
);

create table return_lines (
  return_id uuid not null references returns (id),
  line_id uuid not null,
  variant_id uuid not null,
  quantity int not null check (quantity > 0),
  restocked int not null default 0,
  written_off int not null default 0,
  primary key (return_id, line_id),
  check (restocked + written_off <= quantity)
);
