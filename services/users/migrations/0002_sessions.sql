-- A session is one sign-in: the family of every refresh token rotated from it.
create table sessions (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (revoked_reason in ('logout', 'reuse', 'blocked')),
  user_agent text,
  ip inet
);
create index sessions_account_idx on sessions (account_id);

-- Refresh tokens: only the SHA-256 of each token is kept, never the token itself.
create table refresh_tokens (
  id uuid primary key,
  session_id uuid not null references sessions (id) on delete cascade,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  parent_id uuid references refresh_tokens (id),
  -- Set in the same transaction that inserts the successor, hence deferred.
  replaced_by uuid references refresh_tokens (id) deferrable initially deferred,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  ip inet
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);
