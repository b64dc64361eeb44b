-- Email verification, staff attachment and two-factor state on the account.
alter table accounts
  add column email_verified_at timestamptz,
  add column depot_id uuid,
  add column sorting_centre_id uuid,
  -- Base32 TOTP secrets: they must be readable to compute codes, so they are never sent back after setup.
  add column totp_secret text,
  add column totp_pending_secret text,
  add column totp_enabled_at timestamptz,
  -- The last accepted TOTP time step: a code works once (RFC 6238 §5.2).
  add column totp_last_step bigint not null default 0;

alter table sessions drop constraint sessions_revoked_reason_check;
alter table sessions add constraint sessions_revoked_reason_check
  check (revoked_reason in ('logout', 'reuse', 'blocked', 'revoked', 'password_changed'));

-- Single-use secrets sent by mail or handed out for the second sign-in step; only SHA-256 kept.
create table one_time_tokens (
  id uuid primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  purpose text not null check (purpose in ('email_verification', 'password_reset', 'login_challenge')),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  failed_attempts integer not null default 0
);
create index one_time_tokens_account_idx on one_time_tokens (account_id, purpose, created_at desc);

-- Two-factor recovery codes: each works once; only SHA-256 kept.
create table recovery_codes (
  account_id uuid not null references accounts (id) on delete cascade,
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  used_at timestamptz,
  primary key (account_id, code_hash)
);

-- Security events, append-only.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  action text not null,
  actor_id uuid,
  account_id uuid,
  ip inet,
  detail jsonb not null default '{}'
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_account_idx on audit_log (account_id, at desc);

-- The local mailbox: outgoing mail in embedded mode (read by admins in the UI). One row per notification.
create table mailbox (
  id uuid primary key,
  to_address text not null,
  subject text not null,
  body text not null,
  template text not null,
  created_at timestamptz not null default now()
);
create index mailbox_created_idx on mailbox (created_at desc);
