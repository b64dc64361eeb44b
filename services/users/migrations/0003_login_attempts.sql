-- Failed (and in-flight) sign-in attempts per account address and per client IP, for throttling.
create table login_attempts (
  id bigint generated always as identity primary key,
  scope text not null check (scope in ('account', 'ip')),
  key text not null,
  attempted_at timestamptz not null
);
create index login_attempts_key_idx on login_attempts (scope, key, attempted_at desc);
create index login_attempts_time_idx on login_attempts (attempted_at);
