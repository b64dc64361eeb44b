-- The recovery sweep of card authorizations (src/intents/forgotten-sweep.ts) looks every 10 s for intents
-- still processing without a provider answer; this index holds only those, so the look stays cheap as the
-- table grows.
create index payment_intents_unanswered on payment_intents (updated_at)
  where status = 'processing' and provider_ref is null;
