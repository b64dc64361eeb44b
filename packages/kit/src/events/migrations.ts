/** The kit's own tables (outbox, inbox, dead letters), applied with each service's migrations. */
import type { MigrationFile } from '../db/migrate.ts';

/** The NOTIFY channel the outbox trigger signals after a commit; the relay LISTENs on it. */
export const OUTBOX_CHANNEL = 'kit_outbox';

const outbox = `
create table outbox (
  id uuid primary key,
  type text not null,
  source text not null,
  payload jsonb not null,
  headers jsonb not null default '{}',
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  attempts int not null default 0,
  last_error text
);
-- The relay only ever reads unpublished rows in id order; this index stays as small as the backlog.
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;

-- NOTIFY is delivered at commit and once per transaction, so the relay wakes exactly when rows become visible.
create function kit_outbox_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('${OUTBOX_CHANNEL}', '');
  return null;
end
$$;
create trigger outbox_notify after insert on outbox for each statement execute function kit_outbox_notify();
`;

const inbox = `
create table inbox (
  consumer text not null,
  event_id uuid not null,
  type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
`;

const deadLetters = `
create table dead_letters (
  id bigint generated always as identity primary key,
  consumer text not null,
  event_id uuid,
  type text,
  payload jsonb not null,
  headers jsonb not null default '{}',
  error_message text not null,
  error_stack text,
  attempts int not null,
  failed_at timestamptz not null default now()
);
-- event_id is null only for messages that were not a readable envelope.
create unique index dead_letters_consumer_event on dead_letters (consumer, event_id) where event_id is not null;
create index dead_letters_failed_at on dead_letters (failed_at);
`;

// The relay claims rows with a lease instead of holding a transaction open while the broker answers: a
// connection lost in the middle of a publish then costs nothing but the lease (see relay.ts).
const outboxLease = `
alter table outbox add column claimed_until timestamptz;
`;

/** Pass as `migrate(db, dir, eventMigrations)`: the outbox, inbox and dead-letter tables. */
export const eventMigrations: MigrationFile[] = [
  { name: 'kit_0001_outbox.sql', sql: outbox },
  { name: 'kit_0002_inbox.sql', sql: inbox },
  { name: 'kit_0003_dead_letters.sql', sql: deadLetters },
  { name: 'kit_0004_outbox_lease.sql', sql: outboxLease },
];
