-- Certifications (ADR 27): earned by completing a set of courses, valid for some months or for ever; each person's
-- certificate keeps when it was earned and expires, who awarded or revoked it and why, the reminders it was sent,
-- and a public code for its verification page.

create table enablement_certification
(
    id           uuid primary key,
    workspace_id uuid        not null,
    name         text        not null,
    description  text        not null,
    course_ids   uuid[]      not null,
    -- Null: valid for ever.
    valid_months int,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    archived_at  timestamptz
);
create index enablement_certification_workspace on enablement_certification (workspace_id, name);

create table enablement_certificate
(
    id               uuid primary key,
    workspace_id     uuid        not null,
    certification_id uuid        not null references enablement_certification (id),
    partner_id       uuid        not null,
    person_id        uuid        not null,
    person           text        not null,
    earned_at        timestamptz not null,
    expires_at       timestamptz,
    -- Staff who awarded it for a completion outside Canopy, and why; null when earned by completing the courses.
    awarded_by       text,
    award_reason     text,
    revoked_at       timestamptz,
    revoked_by       text,
    revoke_reason    text,
    -- Days before expiry whose reminder was sent (60, 30, 7), and whether the expiry was told.
    reminders_sent   int[]       not null default '{}',
    expiry_told      boolean     not null default false,
    -- The public verification page's address (/verify/{code}): random, unguessable, names no workspace.
    code             text        not null unique,
    created_at       timestamptz not null
);
create index enablement_certificate_holder on enablement_certificate (workspace_id, certification_id, person_id);
create index enablement_certificate_partner on enablement_certificate (workspace_id, partner_id);
create index enablement_certificate_expiry on enablement_certificate (expires_at) where revoked_at is null;
