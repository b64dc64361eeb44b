-- Issue 13 after-sale gaps: gift card shares of partial cancels and returns, the mail relay, live order stream.

-- Goods money taken back so far (cancelled lines of a confirmed order, inspected returns), and the part of it
-- given back to gift cards: the split is cumulative, so payment + gift cards always add up to the goods value.
alter table orders add column taken_back bigint not null default 0;
alter table orders add column gift_card_restored bigint not null default 0;

-- A return's refund split: `refund_amount` through payment, this through the gift cards (by code).
alter table returns add column gift_card_refunds jsonb not null default '[]';

-- The mail relay: a claim (lease) so one worker sends a message at a time, retries with backoff, the last error.
alter table email_outbox add column attempts int not null default 0;
alter table email_outbox add column next_attempt_at timestamptz not null default now();
alter table email_outbox add column lease_until timestamptz;
alter table email_outbox add column last_error text;
create index email_outbox_due on email_outbox (next_attempt_at) where sent_at is null;

-- The live order stream: a change the customer sees wakes the listeners (one LISTEN per process). Only
-- visible columns fire (not the saga's own bookkeeping), and PostgreSQL folds repeats within a transaction.
create function orders_changed_notify() returns trigger language plpgsql as $$
begin
  -- The argument names the column holding the order id (`id` on orders, `order_id` elsewhere).
  perform pg_notify('orders_changed', to_jsonb(new) ->> tg_argv[0]);
  return null;
end $$;
create trigger orders_changed after update on orders for each row
  when (old.status is distinct from new.status or old.payment_status is distinct from new.payment_status
        or old.captured_amount is distinct from new.captured_amount or old.refunded is distinct from new.refunded
        or old.released is distinct from new.released or old.refund_due is distinct from new.refund_due
        or old.taken_back is distinct from new.taken_back)
  execute function orders_changed_notify('id');
create trigger seller_orders_changed after update on seller_orders for each row
  when (old.status is distinct from new.status) execute function orders_changed_notify('order_id');
create trigger parcels_changed after insert or update on parcels for each row
  execute function orders_changed_notify('order_id');
create trigger returns_changed after insert or update on returns for each row
  execute function orders_changed_notify('order_id');
