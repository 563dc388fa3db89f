-- An Idempotency-Key belongs to whoever sent it (an API key or a person), not to the whole workspace: a
-- read-only key replaying a read-write key's request must not get its answer, and a refusal of one caller
-- must not answer another's request. Keys stored before have no principal and match nobody's; they expire.
alter table platform_idempotency_key
    add column principal text not null default '';
alter table platform_idempotency_key
    drop constraint platform_idempotency_key_pkey;
alter table platform_idempotency_key
    add primary key (workspace_id, principal, idempotency_key);
