-- E-mail campaigns to partner segments (ADR 32): a campaign is sent once to a segment (now or at a time) or is
-- triggered by what happens to a partner; every recipient is a row made once per campaign and address, so that a
-- rerun never mails twice; unsubscribes are per workspace and address.

create table campaigns_campaign
(
    id             uuid primary key,
    workspace_id   uuid        not null,
    name           text        not null,
    subject        text        not null,
    body           text        not null,
    -- The segment as enablement's Audience: match ALL/ANY, and ids, types and regions as arrays.
    match          text        not null,
    program_ids    uuid[]      not null default '{}',
    tier_ids       uuid[]      not null default '{}',
    partner_types  text[]      not null default '{}',
    regions        text[]      not null default '{}',
    partner_ids    uuid[]      not null default '{}',
    -- SEGMENT: sent once to the segment; otherwise the event that sends it to one partner's users.
    trigger_kind   text        not null,
    trigger_days   int check (trigger_days between 1 and 365),
    status         text        not null,
    scheduled_at   timestamptz,
    started_at     timestamptz,
    finished_at    timestamptz,
    stopped_reason text,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index campaigns_campaign_workspace on campaigns_campaign (workspace_id, created_at desc);
create index campaigns_campaign_due on campaigns_campaign (scheduled_at) where status = 'SCHEDULED';

create table campaigns_recipient
(
    id              uuid primary key,
    workspace_id    uuid        not null,
    campaign_id     uuid        not null references campaigns_campaign (id),
    -- Lower-cased: one address is mailed once per campaign whatever its spelling.
    address         text        not null,
    partner_id      uuid,
    partner_user_id uuid,
    name            text        not null,
    partner_name    text        not null,
    status          text        not null,
    skip_reason     text,
    -- Unguessable: names the recipient in the unsubscribe link and the open pixel.
    token           text        not null unique,
    message_id      text        not null unique,
    error           text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    opened_at       timestamptz,
    bounced_at      timestamptz,
    unique (campaign_id, address)
);
create index campaigns_recipient_pending on campaigns_recipient (campaign_id) where status = 'PENDING';
create index campaigns_recipient_workspace on campaigns_recipient (workspace_id, campaign_id, address);

create table campaigns_unsubscribe
(
    workspace_id    uuid        not null,
    address         text        not null,
    -- The recipient whose link it came from (null when staff or the API recorded it).
    recipient_id    uuid,
    unsubscribed_at timestamptz not null,
    primary key (workspace_id, address)
);

-- A workspace's stop rule: a campaign stops once its bounce rate exceeds this share after so many sent.
create table campaigns_settings
(
    workspace_id         uuid primary key,
    bounce_stop_percent  numeric(5, 2) not null check (bounce_stop_percent > 0 and bounce_stop_percent <= 100),
    bounce_stop_after    int           not null check (bounce_stop_after >= 1)
);
