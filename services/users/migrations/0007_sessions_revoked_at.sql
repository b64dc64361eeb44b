-- Verifiers poll the sessions revoked in the last access-token lifetime (ADR 0008).
create index sessions_revoked_at_idx on sessions (revoked_at) where revoked_at is not null;
