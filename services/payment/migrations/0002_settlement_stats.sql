-- The seller dashboard reads one account's entries over a range of days.
create index ledger_entries_account_day on ledger_entries (account, created_at);
