-- A replayed 201 answers the first response's Location too, not only its status and body.
alter table platform_idempotency_key add column response_location text;
