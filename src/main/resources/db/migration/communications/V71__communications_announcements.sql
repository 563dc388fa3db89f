-- Announcements to a segment of partners (the audience columns as enablement's assets and courses keep them), the
-- partner users who read each, and every partner user's in-app notifications with how each is mailed.

create table communications_announcement
(
    id             uuid primary key,
    workspace_id   uuid        not null references identity_workspace (id),
    title          text        not null,
    body           text        not null,
    pinned         boolean     not null default false,
    publish_at     timestamptz,
    expires_at     timestamptz,
    audience_match text        not null check (audience_match in ('ALL', 'ANY')),
    program_ids    uuid[]      not null default '{}',
    tier_ids       uuid[]      not null default '{}',
    partner_types  text[]      not null default '{}',
    regions        text[]      not null default '{}',
    partner_ids    uuid[]      not null default '{}',
    -- Staff published it; told_at once its partners were notified (at publish, or when publish_at came).
    published_at   timestamptz,
    told_at        timestamptz,
    archived_at    timestamptz,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (expires_at is null or publish_at is null or expires_at > publish_at)
);

create index communications_announcement_workspace on communications_announcement (workspace_id, created_at desc);
-- The release job's question: published, due, not yet told.
create index communications_announcement_untold on communications_announcement (publish_at)
    where published_at is not null and told_at is null and archived_at is null;

-- One row per partner user who opened an announcement: reading it twice counts once.
create table communications_announcement_read
(
    workspace_id    uuid        not null references identity_workspace (id),
    announcement_id uuid        not null references communications_announcement (id) on delete cascade,
    partner_user_id uuid        not null references identity_partner_user (id) on delete cascade,
    partner_id      uuid        not null,
    read_at         timestamptz not null,
    primary key (announcement_id, partner_user_id)
);

create table communications_notification
(
    id              uuid primary key,
    workspace_id    uuid        not null references identity_workspace (id),
    partner_id      uuid        not null,
    partner_user_id uuid        not null references identity_partner_user (id) on delete cascade,
    kind            text        not null check (kind in ('DEALS', 'COMMISSIONS', 'PAYOUTS', 'CONTENT', 'TRAINING',
                                                         'ANNOUNCEMENTS')),
    topic           text        not null,
    subject         text        not null,
    link            text        not null,
    -- What caused it ("deal-approved:<id>:<until>"): a replayed event notifies no one twice.
    source          text        not null,
    -- NONE: the portal only (or its cause mailed it already); AT_ONCE; DIGEST: the next daily digest.
    mail            text        not null check (mail in ('NONE', 'AT_ONCE', 'DIGEST')),
    mailed_at       timestamptz,
    created_at      timestamptz not null,
    read_at         timestamptz,
    unique (partner_user_id, source)
);

create index communications_notification_user on communications_notification (partner_user_id, created_at desc);
create index communications_notification_digest on communications_notification (partner_user_id)
    where mail = 'DIGEST' and mailed_at is null;
