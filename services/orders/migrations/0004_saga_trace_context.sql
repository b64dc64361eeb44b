-- The trace context (W3C traceparent/tracestate) of whatever last scheduled the order's saga step, so the
-- saga runner, which resumes the step later from NOTIFY or the sweeper, continues the checkout's trace.
-- `if not exists`: a development database may have applied this file under its first name (0003_…).
alter table orders add column if not exists saga_trace jsonb;
-- The orders_saga_stuck gauge reads open sagas by their last move at every scrape.
create index if not exists orders_saga_open on orders (updated_at) where saga_state <> 'done';
