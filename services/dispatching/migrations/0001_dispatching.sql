-- Sorting centres, the fleet (vehicles, drivers from users' events), service zones, stops from shipping's events,
-- delivery rounds, proof media, position pings (hash-partitioned for write speed) and the distance-matrix cache.
create table sorting_centres (
  id uuid primary key,
  code text not null unique,
  name text not null,
  city text not null,
  address text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  opening_hours text not null default '',
  utc_offset_minutes int not null default 300,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table vehicles (
  id uuid primary key,
  plate text not null unique,
  type text not null check (type in ('car', 'van', 'bike')),
  capacity_kg double precision not null check (capacity_kg > 0),
  capacity_litres double precision not null check (capacity_litres > 0),
  home_centre_id uuid not null references sorting_centres (id),
  status text not null default 'active' check (status in ('active', 'maintenance', 'retired')),
  created_at timestamptz not null default now()
);

-- Every account users told us about; `is_driver` follows its roles. Fleet facts (shift, vehicle) are ours.
create table drivers (
  user_id uuid primary key,
  name text not null default '',
  is_driver boolean not null default false,
  sorting_centre_id uuid references sorting_centres (id),
  licence_class text not null default 'B',
  shift_start text not null default '09:00',
  shift_end text not null default '18:00',
  duty_status text not null default 'on_duty' check (duty_status in ('on_duty', 'off_duty', 'sick', 'on_leave')),
  vehicle_id uuid unique references vehicles (id),
  updated_at timestamptz not null default now()
);

create table service_zones (
  id uuid primary key,
  centre_id uuid not null references sorting_centres (id),
  name text not null,
  polygon jsonb not null
);

-- The latest status shipping announced per shipment, so a status that overtakes its `created` is not lost.
create table shipment_signals (
  shipment_id uuid primary key,
  status text not null,
  at timestamptz not null
);

create table rounds (
  id uuid primary key,
  centre_id uuid not null references sorting_centres (id),
  day date not null,
  status text not null check (status in ('planned', 'published', 'started', 'completed', 'cancelled')),
  driver_id uuid not null references drivers (user_id),
  vehicle_id uuid references vehicles (id),
  colour text not null,
  distance_m int not null default 0,
  duration_s int not null default 0,
  planned_start timestamptz,
  planned_end timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now()
);
create index rounds_centre_day on rounds (centre_id, day);
create index rounds_driver on rounds (driver_id, status);

create table stops (
  id uuid primary key,
  shipment_id uuid not null unique,
  tracking_number text not null,
  kind text not null check (kind in ('delivery', 'pickup')),
  order_id uuid not null,
  status text not null check (status in ('expected', 'waiting', 'loaded', 'out', 'arrived', 'delivered', 'failed', 'cancelled')),
  centre_id uuid not null references sorting_centres (id),
  recipient_name text not null default '',
  phone text not null default '',
  address text not null,
  lat double precision not null,
  lng double precision not null,
  weight_grams int not null check (weight_grams > 0),
  volume_litres double precision not null check (volume_litres > 0),
  service_seconds int not null,
  window_from timestamptz,
  window_to timestamptz,
  promised_date date not null,
  cod_amount bigint,
  cod_currency text,
  pin text not null,
  urgent boolean not null default false,
  round_id uuid references rounds (id),
  sequence int,
  locked boolean not null default false,
  planned_arrival timestamptz,
  eta_from timestamptz,
  eta_to timestamptz,
  loaded_at timestamptz,
  unassigned_reason text,
  failure_reason text,
  failure_note text,
  proof jsonb,
  cash_collected bigint,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  check ((round_id is null) = (sequence is null))
);
create index stops_centre_status on stops (centre_id, status, promised_date);
create index stops_round on stops (round_id, sequence);
create index stops_tracking on stops (tracking_number);

-- Signatures and photos of proofs of delivery (small PNG/JPEG files).
create table proof_media (
  id uuid primary key,
  stop_id uuid not null references stops (id),
  kind text not null check (kind in ('signature', 'photo')),
  content_type text not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);

-- Position pings: keyed by (driver, time) so duplicates collapse; hash partitions spread the write load.
create table positions (
  driver_id uuid not null,
  at timestamptz not null,
  lat double precision not null,
  lng double precision not null,
  accuracy_m real,
  received_at timestamptz not null default now(),
  primary key (driver_id, at)
) partition by hash (driver_id);
create table positions_p0 partition of positions for values with (modulus 8, remainder 0);
create table positions_p1 partition of positions for values with (modulus 8, remainder 1);
create table positions_p2 partition of positions for values with (modulus 8, remainder 2);
create table positions_p3 partition of positions for values with (modulus 8, remainder 3);
create table positions_p4 partition of positions for values with (modulus 8, remainder 4);
create table positions_p5 partition of positions for values with (modulus 8, remainder 5);
create table positions_p6 partition of positions for values with (modulus 8, remainder 6);
create table positions_p7 partition of positions for values with (modulus 8, remainder 7);

-- The last position per driver: only a newer ping replaces it (out-of-order pings never move it back).
create table last_positions (
  driver_id uuid primary key,
  at timestamptz not null,
  lat double precision not null,
  lng double precision not null,
  accuracy_m real
);

-- Road distances and durations from the routing engine, per rounded coordinate pair.
create table distance_cache (
  provider text not null,
  from_key text not null,
  to_key text not null,
  metres double precision not null,
  seconds double precision not null,
  created_at timestamptz not null default now(),
  primary key (provider, from_key, to_key)
);
