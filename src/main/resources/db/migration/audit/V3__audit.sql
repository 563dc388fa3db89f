-- Audit: every change made through the UI or API, append-only.
create table audit_event
(
    id           bigint generated always as identity primary key,
    workspace_id uuid        not null,
    occurred_at  timestamptz not null,
    actor_kind   text        not null,
    actor_id     text        not null,
    actor_name   text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    before_state jsonb,
    after_state  jsonb,
    client_ip    text
);
create index audit_event_workspace_idx on audit_event (workspace_id, id desc);
create index audit_event_action_idx on audit_event (workspace_id, action, id desc);

-- Append-only: the database itself refuses to change or remove history.
create function audit_event_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
