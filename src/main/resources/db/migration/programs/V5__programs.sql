-- Programmes: a workspace's partner programmes with their value proposition and versioned terms,
-- recruitment (public application form, scoring, applications) and tiers (rules over metrics, the
-- partners' standing, its history).

create table programs_program
(
    id                      uuid          not null primary key,
    workspace_id            uuid          not null references identity_workspace (id),
    name                    text          not null,
    -- The programme's public address: /programs/{workspace slug}/{slug}.
    slug                    text          not null,
    partner_types           text[]        not null default '{}',
    value_proposition       text          not null,
    reward_type             text          not null check (reward_type in ('COMMISSION', 'MARGIN')),
    reward_rate_min         numeric(5, 2) not null check (reward_rate_min > 0 and reward_rate_min <= 100),
    reward_rate_max         numeric(5, 2) not null check (reward_rate_max >= reward_rate_min and reward_rate_max <= 100),
    reward_basis            text          not null,
    currency                char(3)       not null,
    co_marketing            text,
    training                text,
    attribution_window_days int           not null default 90 check (attribution_window_days between 1 and 730),
    hold_period_days        int           not null default 30 check (hold_period_days between 0 and 365),
    reapply_after_days      int           not null default 90 check (reapply_after_days between 0 and 730),
    demotion_grace_days     int           not null default 90 check (demotion_grace_days between 0 and 730),
    auto_approve_score      int,
    auto_reject_below       int,
    accepting_applications  boolean       not null default true,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    unique (workspace_id, slug),
    check (auto_approve_score is null or auto_reject_below is null or auto_reject_below <= auto_approve_score)
);

-- Terms are never edited: a change is a new version, which every member accepts again.
create table programs_terms_version
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    version      int         not null check (version > 0),
    body         text        not null,
    published_at timestamptz not null,
    published_by text        not null,
    unique (program_id, version)
);

create table programs_terms_acceptance
(
    workspace_id        uuid        not null references identity_workspace (id),
    program_id          uuid        not null references programs_program (id),
    partner_id          uuid        not null references partners_partner (id),
    version             int         not null,
    accepted_at         timestamptz not null,
    accepted_by_user_id uuid        not null,
    accepted_by_name    text        not null,
    primary key (program_id, partner_id, version),
    foreign key (program_id, version) references programs_terms_version (program_id, version)
);

create table programs_question
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    position     int         not null,
    label        text        not null,
    type         text        not null check (type in ('TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'URL')),
    required     boolean     not null,
    options      text[]      not null default '{}',
    created_at   timestamptz not null
);
create index programs_question_program_idx on programs_question (program_id, position);

create table programs_scoring_criterion
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    kind         text        not null check (kind in ('CHOICE', 'NUMBER_AT_LEAST', 'PARTNER_TYPE')),
    -- A criterion on an answer goes with its question.
    question_id  uuid references programs_question (id) on delete cascade,
    choice       text,
    threshold    numeric(19, 2),
    partner_type text,
    points       int         not null check (points between -1000 and 1000),
    created_at   timestamptz not null,
    check ((kind = 'CHOICE' and question_id is not null and choice is not null)
        or (kind = 'NUMBER_AT_LEAST' and question_id is not null and threshold is not null)
        or (kind = 'PARTNER_TYPE' and partner_type is not null))
);
create index programs_scoring_criterion_program_idx on programs_scoring_criterion (program_id);

-- Applications keep their answers with each question's wording and the score lines as they were at
-- submission, so later edits of the form do not rewrite history.
create table programs_application
(
    id              uuid        not null primary key,
    seq             bigint generated always as identity unique,
    workspace_id    uuid        not null references identity_workspace (id),
    program_id      uuid        not null references programs_program (id),
    company_name    text        not null,
    website         text        not null,
    domain          text        not null,
    contact_name    text        not null,
    contact_email   text        not null,
    partner_types   text[]      not null,
    region          text        not null,
    answers         jsonb       not null,
    score           int         not null,
    score_lines     jsonb       not null,
    status          text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_at    timestamptz not null,
    decided_at      timestamptz,
    decided_by      text,
    decision_reason text,
    partner_id      uuid references partners_partner (id)
);
create index programs_application_workspace_idx on programs_application (workspace_id, seq desc);
create index programs_application_email_idx on programs_application (program_id, contact_email);
create index programs_application_domain_idx on programs_application (program_id, domain);

-- Applications accepted per client (a hash of its address), for the rate limit of the public form.
create table programs_application_attempt
(
    id           bigint generated always as identity primary key,
    client_key   text        not null,
    attempted_at timestamptz not null
);
create index programs_application_attempt_client_idx on programs_application_attempt (client_key, attempted_at);

-- Tiers in order: rank 0 is the entry tier; a tier's rule is that every threshold is met.
create table programs_tier
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    rank         int         not null check (rank >= 0),
    name         text        not null,
    benefits     text,
    created_at   timestamptz not null,
    unique (program_id, rank),
    unique (program_id, name)
);

create table programs_tier_threshold
(
    tier_id      uuid           not null references programs_tier (id) on delete cascade,
    workspace_id uuid           not null references identity_workspace (id),
    metric       text           not null check (metric in
                                                ('PARTNER_SOURCED_REVENUE_12M', 'DEALS_WON', 'CERTIFIED_PEOPLE', 'ACTIVE_CUSTOMERS')),
    threshold    numeric(19, 2) not null check (threshold >= 0),
    primary key (tier_id, metric)
);

-- A partner in a programme, its tier, and since when it has qualified only for a lower tier (the
-- demotion grace period runs from then).
create table programs_membership
(
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    partner_id   uuid        not null references partners_partner (id),
    joined_at    timestamptz not null,
    tier_id      uuid references programs_tier (id),
    tier_since   timestamptz,
    below_since  timestamptz,
    evaluated_at timestamptz,
    primary key (program_id, partner_id)
);
create index programs_membership_partner_idx on programs_membership (workspace_id, partner_id);

-- Names are copied so the history still reads right after a tier is renamed or removed.
create table programs_tier_change
(
    id           bigint generated always as identity primary key,
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    partner_id   uuid        not null references partners_partner (id),
    from_tier_id uuid,
    from_tier    text,
    to_tier_id   uuid,
    to_tier      text,
    reason       text        not null,
    changed_at   timestamptz not null
);
create index programs_tier_change_program_idx on programs_tier_change (program_id, partner_id, id desc);

-- The read model tiers are evaluated on, fed by other modules: the latest value of each metric per
-- partner. Money is kept per currency (unit = ISO code), counts with unit COUNT.
create table programs_partner_metric
(
    workspace_id uuid           not null references identity_workspace (id),
    partner_id   uuid           not null references partners_partner (id),
    metric       text           not null check (metric in
                                                ('PARTNER_SOURCED_REVENUE_12M', 'DEALS_WON', 'CERTIFIED_PEOPLE', 'ACTIVE_CUSTOMERS')),
    unit         text           not null,
    value        numeric(19, 2) not null,
    as_of        timestamptz    not null,
    primary key (workspace_id, partner_id, metric, unit)
);

-- Jobs that must run once per day across all nodes: the first node to insert the day's row runs it.
create table programs_job_run
(
    job        text        not null,
    run_on     date        not null,
    started_at timestamptz not null,
    primary key (job, run_on)
);
