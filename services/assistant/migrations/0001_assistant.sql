-- The assistant's own data: conversations and their dialogue state, proposed actions awaiting the
-- customer's confirmation, and support tickets opened by a hand-over. The catalog index lives in memory.

create table sessions (
  id uuid primary key,
  -- Null for a guest; a signed-in customer's session is theirs alone.
  customer_id uuid,
  language text not null check (language in ('en', 'ru', 'kk')),
  state jsonb not null default '{}',
  -- The last turns (customer and assistant), kept short: the context a hand-over ticket carries.
  transcript jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_customer on sessions (customer_id, updated_at desc) where customer_id is not null;

create table actions (
  id uuid primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  customer_id uuid,
  kind text not null check (kind in ('add_to_cart', 'cancel_order', 'return_request', 'handoff')),
  params jsonb not null,
  label text not null,
  status text not null default 'proposed' check (status in ('proposed', 'running', 'done', 'failed')),
  result jsonb,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  confirmed_at timestamptz
);
create index actions_session on actions (session_id, created_at desc);

create table tickets (
  id uuid primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  customer_id uuid,
  language text not null,
  summary text not null,
  transcript jsonb not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  created_at timestamptz not null default now()
);
create index tickets_open on tickets (status, created_at desc);
