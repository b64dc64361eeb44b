-- Shipments (outbound, customer returns, returns to sender), their links, the append-only tracking log,
-- the sites events happen at, and a small read model of orders.

-- Serials of S10 tracking numbers (8 digits; the check digit is computed in code).
create sequence tracking_serial minvalue 10000000 maxvalue 99999999 start 10000000 no cycle;

-- The sorting centres whose fleet delivers (same ids as `dispatching`); the nearest one serves a recipient.
create table sorting_centres (
  id uuid primary key,
  code text not null unique,
  name text not null,
  city text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  -- How far from the centre our own drivers still deliver; beyond it a carrier takes the parcel.
  radius_km int not null default 60 check (radius_km > 0),
  active boolean not null default true
);

-- Depots (same ids as `stock`): where parcels leave from and returns go back to.
create table depots (
  id uuid primary key,
  name text not null,
  city text not null,
  address text not null,
  lat double precision not null,
  lng double precision not null
);

-- What shipping needs to know about an order (from orders' events): whose it is, what it holds, when it is due.
create table order_books (
  order_id uuid primary key,
  order_number text,
  customer_id uuid,
  -- [{lineId, variantId, productId, title}]
  lines jsonb not null default '[]',
  promised_date date,
  cod_amount bigint check (cod_amount >= 0),
  cod_currency text,
  updated_at timestamptz not null default now()
);

create table shipments (
  id uuid primary key,
  tracking_number text not null unique check (tracking_number ~ '^[A-Z]{2}[0-9]{9}[A-Z]{2}$'),
  kind text not null check (kind in ('outbound', 'return', 'return_to_sender')),
  order_id uuid not null,
  order_number text,
  customer_id uuid,
  -- One shipment per parcel, one per approved return, one return to sender per outbound shipment.
  parcel_id uuid unique,
  return_id uuid unique,
  sender_of uuid unique references shipments (id),
  seller_ids uuid[] not null default '{}',
  -- [{lineId, variantId, quantity}]
  lines jsonb not null,
  origin_depot_id uuid,
  destination_depot_id uuid,
  sorting_centre_id uuid,
  carrier text,
  carrier_ref text,
  -- Where the parcel goes; for a customer's return, where it is collected from (the fleet's stop).
  recipient jsonb not null,
  weight_grams int not null check (weight_grams > 0),
  dimensions_cm jsonb not null,
  promised_date date not null,
  promised_by text not null check (promised_by in ('order', 'rule')),
  cod_amount bigint check (cod_amount >= 0),
  cod_currency text,
  -- Derived from the log by statuses/derive-status.ts, stored with the event that decided it.
  status text not null,
  status_at timestamptz not null,
  eta_from timestamptz,
  eta_to timestamptz,
  failed_attempts int not null default 0,
  proof jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index shipments_order on shipments (order_id);
create index shipments_status on shipments (status, promised_date);
create index shipments_carrier_open on shipments (carrier) where carrier is not null;

-- Both directions of a link read this table: a return (or return to sender) and the shipment it brings back.
create table shipment_links (
  shipment_id uuid not null references shipments (id),
  original_id uuid not null references shipments (id),
  primary key (shipment_id, original_id)
);
create index shipment_links_original on shipment_links (original_id);

-- The tracking log: append-only; one row per scan, hand-over, attempt or note; deduplicated by its origin.
create table tracking_events (
  id uuid primary key,
  shipment_id uuid not null references shipments (id),
  code text not null,
  -- The status this event implies for its shipment (null: a log entry that changes no status).
  status text,
  reason text,
  next_action text,
  note text,
  occurred_at timestamptz not null,
  -- The IANA zone of the place, so times read in local time wherever they are shown.
  time_zone text not null default 'Asia/Almaty',
  place jsonb,
  actor text,
  source text not null,
  external_id text not null,
  raw_code text,
  raw_message text,
  raw jsonb,
  proof jsonb,
  eta_from timestamptz,
  eta_to timestamptz,
  recorded_at timestamptz not null default now(),
  unique (source, external_id)
);
create index tracking_events_shipment on tracking_events (shipment_id, occurred_at);

create function tracking_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'tracking_events is append-only';
end $$;
create trigger tracking_events_no_change before update or delete on tracking_events
  for each row execute function tracking_events_append_only();
