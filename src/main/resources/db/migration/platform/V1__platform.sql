-- Platform: Spring Modulith's event publication registry (the outbox that makes module events survive a
-- crash), Spring Session's tables (sessions live in PostgreSQL so every node is stateless) and the
-- API's idempotency keys.

create table event_publication
(
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table spring_session
(
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes
(
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- One row per (workspace, Idempotency-Key): the first request claims it, the response is kept to replay.
create table platform_idempotency_key
(
    workspace_id    uuid        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    claimed_until   timestamptz not null,
    response_status int,
    response_type   text,
    response_body   bytea,
    created_at      timestamptz not null,
    completed_at    timestamptz,
    primary key (workspace_id, idempotency_key)
);
create index platform_idempotency_key_created_idx on platform_idempotency_key (created_at);
