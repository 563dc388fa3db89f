-- Outbound webhooks (ADR 22): endpoints, the messages an event made (written in the event's own transaction, so a
-- rolled-back change is never announced), one delivery per endpoint and message, and the log of its attempts.
create table webhooks_endpoint
(
    id                 uuid primary key,
    workspace_id       uuid        not null,
    url                text        not null,
    description        text        not null,
    event_types        text[]      not null,
    secret             text        not null,
    previous_secret    text,
    previous_until     timestamptz,
    disabled_at        timestamptz,
    disabled_reason    text,
    failing_since      timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index webhooks_endpoint_workspace on webhooks_endpoint (workspace_id, created_at);

create table webhooks_message
(
    id           text primary key,
    workspace_id uuid        not null,
    event_type   text        not null,
    payload      text        not null,
    created_at   timestamptz not null
);
create index webhooks_message_workspace on webhooks_message (workspace_id, created_at);

-- A delivery is due at next_attempt_at; a node claims it by moving claimed_until past its 15 s timeout, with
-- SKIP LOCKED, so that two nodes never send the same attempt. An ordered delivery waits for the endpoint's earlier
-- ordered ones.
create table webhooks_delivery
(
    id              bigint generated always as identity primary key,
    workspace_id    uuid        not null,
    endpoint_id     uuid        not null references webhooks_endpoint on delete cascade,
    message_id      text        not null references webhooks_message,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    ordered         boolean     not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    claimed_until   timestamptz,
    created_at      timestamptz not null,
    unique (endpoint_id, message_id)
);
create index webhooks_delivery_due on webhooks_delivery (next_attempt_at) where status = 'pending';
create index webhooks_delivery_endpoint on webhooks_delivery (workspace_id, endpoint_id, created_at desc);

create table webhooks_attempt
(
    id              bigint generated always as identity primary key,
    workspace_id    uuid        not null,
    delivery_id     bigint      not null references webhooks_delivery on delete cascade,
    attempt         int         not null,
    attempted_at    timestamptz not null,
    response_status int,
    response_body   text,
    error           text,
    latency_ms      int         not null
);
create index webhooks_attempt_delivery on webhooks_attempt (delivery_id, attempt);
create index webhooks_attempt_age on webhooks_attempt (attempted_at);
