-- Certification requirements (ADR 27): a programme asks for at least N people of a partner company holding an
-- active certificate of one certification before the company may register deals, hold a tier, or open an asset.

create table enablement_requirement
(
    id               uuid primary key,
    workspace_id     uuid        not null,
    program_id       uuid        not null,
    certification_id uuid        not null references enablement_certification (id),
    min_people       int         not null check (min_people between 1 and 1000),
    subject          text        not null check (subject in ('DEAL_REGISTRATION', 'TIER', 'ASSET')),
    tier_id          uuid,
    asset_id         uuid,
    created_by       text        not null,
    -- A gate never opens on certificates that lapsed before it was set: its grace counts from here at the earliest.
    created_at       timestamptz not null,
    check ((subject = 'TIER') = (tier_id is not null)),
    check ((subject = 'ASSET') = (asset_id is not null))
);
create unique index enablement_requirement_once
    on enablement_requirement (workspace_id, program_id, subject, coalesce(tier_id, asset_id, program_id),
                               certification_id);
create index enablement_requirement_certification on enablement_requirement (workspace_id, certification_id);

-- A renewal by retaking starts a person's courses over: quiz attempts before it no longer count.
alter table enablement_enrolment add column restarted_at timestamptz;
