-- Carts: a guest cart is found by the random token in its HttpOnly cookie, a customer's by the customer.
create table carts (
  id uuid primary key,
  guest_token text unique,
  customer_id uuid unique,
  promo_codes text[] not null default '{}',
  gift_cards text[] not null default '{}',
  -- The last quote shop gave, served (flagged stale) while shop is down.
  last_quote jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (guest_token is not null or customer_id is not null)
);

create table cart_items (
  id uuid primary key,
  cart_id uuid not null references carts (id) on delete cascade,
  variant_id uuid not null,
  quantity int not null check (quantity between 1 and 999),
  -- The unit price the customer saw when adding or last changing the line: "price changed" compares to it.
  seen_price bigint,
  -- One-shot notices (quantity reduced) kept until the customer touches the line.
  notices jsonb not null default '[]',
  -- The line as shop last quoted it (title, seller, price…): the cart answers from it while shop is down.
  snapshot jsonb,
  added_at timestamptz not null default now(),
  unique (cart_id, variant_id)
);

create table orders (
  id uuid primary key,
  number text not null unique,
  customer_id uuid not null,
  customer_email text,
  customer_name text,
  locale text not null default 'en',
  status text not null,
  currency text not null,
  shipping_address jsonb not null,
  delivery jsonb not null,
  payment_method text not null,
  payment_token text,
  payment_status text not null default 'pending',
  payment_attempt int not null default 1,
  intent_id uuid,
  action_url text,
  payment_failure text,
  captured_amount bigint not null default 0,
  subtotal bigint not null,
  discount bigint not null,
  gift_card_amount bigint not null,
  delivery_fee bigint not null,
  vat bigint not null,
  total bigint not null,
  payable bigint not null,
  refunded bigint not null default 0,
  -- Money of cancelled lines that is not to be captured (authorized, not captured yet).
  released bigint not null default 0,
  -- Money to give back that the settle step has not sent to payment yet (partial cancels after capture).
  refund_due bigint not null default 0,
  sellers jsonb not null,
  promo_codes text[] not null default '{}',
  gift_cards jsonb not null default '[]',
  failure_reason text,
  -- The saga: the next step, when it may run, and a lease so one worker runs it at a time.
  saga_state text not null,
  saga_next_at timestamptz,
  saga_lease_until timestamptz,
  saga_attempts int not null default 0,
  placed_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orders_customer on orders (customer_id, placed_at desc);
create index orders_status on orders (status, placed_at desc);
create index orders_saga_due on orders (saga_next_at) where saga_next_at is not null;

create table seller_orders (
  id uuid primary key,
  order_id uuid not null references orders (id),
  seller_id uuid not null,
  seller_name text not null,
  depot_id uuid,
  status text not null,
  total bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (order_id, seller_id, depot_id)
);
create index seller_orders_seller on seller_orders (seller_id, created_at desc);

create table order_lines (
  id uuid primary key,
  order_id uuid not null references orders (id),
  seller_order_id uuid references seller_orders (id),
  position int not null,
  variant_id uuid not null,
  product_id uuid not null,
  seller_id uuid not null,
  title text not null,
  sku text not null,
  image_url text,
  weight_grams int not null default 0,
  quantity int not null check (quantity >= 1),
  cancelled_quantity int not null default 0 check (cancelled_quantity between 0 and quantity),
  returned_quantity int not null default 0 check (returned_quantity >= 0),
  unit_price bigint not null,
  total bigint not null,
  depot_id uuid,
  check (cancelled_quantity + returned_quantity <= quantity)
);
create index order_lines_order on order_lines (order_id, position);

create table parcels (
  parcel_id uuid primary key,
  order_id uuid not null references orders (id),
  depot_id uuid,
  line_ids uuid[] not null,
  shipment_id uuid,
  tracking_number text,
  status text,
  updated_at timestamptz not null default now()
);
create index parcels_order on parcels (order_id);

create table order_history (
  id bigserial primary key,
  order_id uuid not null references orders (id),
  status text not null,
  note text,
  at timestamptz not null default now()
);
create index order_history_order on order_history (order_id, id);

create table saga_steps (
  id bigserial primary key,
  order_id uuid not null references orders (id),
  step text not null,
  state text not null check (state in ('started', 'succeeded', 'failed', 'compensated')),
  detail text,
  at timestamptz not null default now()
);
create index saga_steps_order on saga_steps (order_id, id);

create table returns (
  id uuid primary key,
  order_id uuid not null references orders (id),
  customer_id uuid not null,
  seller_ids uuid[] not null,
  status text not null,
  lines jsonb not null,
  comment text not null default '',
  photo_ids uuid[] not null default '{}',
  refund_amount bigint,
  refund_to text not null default 'card',
  tracking_number text,
  decision_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index returns_order on returns (order_id);
create index returns_status on returns (status, created_at desc);

create table return_photos (
  id uuid primary key,
  customer_id uuid not null,
  file text not null,
  created_at timestamptz not null default now()
);

-- Customer mail at each visible step, rendered in the customer's language; sent by SMTP when configured.
create table email_outbox (
  id uuid primary key,
  order_id uuid,
  recipient text not null,
  locale text not null,
  template text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  -- One mail per fact (e.g. `shipped:<parcel>`), whatever redelivery of the event caused it.
  dedupe_key text not null unique
);
