-- Deals: partners' deal registrations with their conflicts, protection and won/lost outcome; leads the
-- vendor passes to partners (by hand or by routing rules); account mapping between the vendor and each
-- partner over salted hashes of registrable domains.

-- Similar company names are found with trigram similarity (pg_trgm ships with PostgreSQL; trusted since 13).
create extension if not exists pg_trgm;

-- Review and response clocks of a workspace, in business days (Monday to Friday in its time zone).
create table deals_settings
(
    workspace_id             uuid not null primary key references identity_workspace (id),
    review_sla_business_days int  not null default 1 check (review_sla_business_days between 1 and 30),
    lead_sla_business_days   int  not null default 2 check (lead_sla_business_days between 1 and 30)
);

-- Protection granted by an approval, per programme.
create table deals_program_settings
(
    program_id       uuid not null primary key references programs_program (id),
    workspace_id     uuid not null references identity_workspace (id),
    protection_days  int  not null default 90 check (protection_days between 1 and 730),
    extension_days   int  not null default 30 check (extension_days between 1 and 365),
    extension_policy text not null default 'ONCE' check (extension_policy in ('NONE', 'ONCE', 'UNLIMITED'))
);

create table deals_registration
(
    id                    uuid           not null primary key,
    workspace_id          uuid           not null references identity_workspace (id),
    partner_id            uuid           not null references partners_partner (id),
    program_id            uuid           not null references programs_program (id),
    account_name          text           not null,
    -- Lower case, no punctuation, no legal form: what similarity is measured on.
    normalized_name       text           not null,
    website               text           not null,
    domain                text           not null,
    contact_name          text           not null,
    contact_email         text           not null,
    amount                numeric(19, 4) not null check (amount > 0),
    currency              char(3)        not null,
    products              text[]         not null default '{}',
    expected_close        date           not null,
    notes                 text,
    status                text           not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'WON', 'LOST')),
    stage                 text           not null check (stage in ('QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')),
    submitted_at          timestamptz    not null,
    submitted_by          text           not null,
    review_due_at         timestamptz    not null,
    decided_at            timestamptz,
    decided_by            text,
    decision_reason       text,
    protected_until       timestamptz,
    extensions_used       int            not null default 0,
    -- When the vendor's own opportunity for the account existed, as staff recorded it (null: from approval).
    opportunity_opened_at timestamptz,
    closed_at             timestamptz,
    closed_by             text,
    lost_reason           text,
    sourcing              text check (sourcing in ('SOURCED', 'INFLUENCED')),
    sourcing_evidence     jsonb,
    sourcing_overridden   boolean        not null default false,
    sourcing_reason       text,
    check (status <> 'APPROVED' or protected_until is not null)
);
create index deals_registration_workspace on deals_registration (workspace_id, submitted_at desc, id desc);
create index deals_registration_domain on deals_registration (workspace_id, domain);
create index deals_registration_name on deals_registration using gin (normalized_name gin_trgm_ops);
create index deals_registration_protection on deals_registration (protected_until) where status = 'APPROVED';

-- What the conflict check found when the registration was written, kept as evidence for the reviewer.
create table deals_conflict
(
    workspace_id   uuid         not null references identity_workspace (id),
    deal_id        uuid         not null references deals_registration (id),
    source         text         not null check (source in ('REGISTRATION', 'VENDOR_ACCOUNT', 'CUSTOMER')),
    matched_ref    text         not null,
    matched_name   text         not null,
    matched_domain text,
    matched_status text,
    matched_by     text         not null check (matched_by in ('DOMAIN', 'NAME')),
    similarity     numeric(4, 3) not null,
    primary key (deal_id, source, matched_ref)
);

create table deals_routing_rule
(
    id             uuid        not null primary key,
    workspace_id   uuid        not null references identity_workspace (id),
    name           text        not null,
    position       int         not null,
    region         text,
    partner_type   text,
    -- A tier label as the partner directory shows it, e.g. "Reseller Program · Gold".
    tier_id        text,
    tier_label     text,
    created_at     timestamptz not null,
    unique (workspace_id, name)
);

-- A partner's share of a rule's leads; partners without a row weigh 1.
create table deals_routing_weight
(
    workspace_id uuid not null references identity_workspace (id),
    rule_id      uuid not null references deals_routing_rule (id) on delete cascade,
    partner_id   uuid not null references partners_partner (id),
    weight       int  not null check (weight between 0 and 100),
    primary key (rule_id, partner_id)
);

create table deals_lead
(
    id              uuid        not null primary key,
    workspace_id    uuid        not null references identity_workspace (id),
    account_name    text        not null,
    domain          text,
    contact_name    text        not null,
    contact_email   text        not null,
    region          text,
    notes           text,
    status          text        not null check (status in ('OFFERED', 'ACCEPTED', 'UNASSIGNED')),
    partner_id      uuid references partners_partner (id),
    respond_by      timestamptz,
    created_at      timestamptz not null,
    created_by      text        not null
);
create index deals_lead_workspace on deals_lead (workspace_id, created_at desc, id desc);
create index deals_lead_due on deals_lead (respond_by) where status = 'OFFERED';

-- Every offer of a lead to a partner and its outcome; a declined or expired lead is not offered to the
-- same partner again.
create table deals_lead_offer
(
    workspace_id uuid        not null references identity_workspace (id),
    lead_id      uuid        not null references deals_lead (id),
    partner_id   uuid        not null references partners_partner (id),
    rule_id      uuid references deals_routing_rule (id) on delete set null,
    offered_at   timestamptz not null,
    respond_by   timestamptz not null,
    outcome      text        not null check (outcome in ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    reason       text,
    decided_at   timestamptz,
    primary key (lead_id, partner_id)
);

-- One partnership's account mapping: its salt and each side's sharing level.
create table deals_mapping_partnership
(
    workspace_id  uuid        not null references identity_workspace (id),
    partner_id    uuid        not null references partners_partner (id),
    salt          bytea       not null,
    vendor_level  text        not null default 'HIDDEN' check (vendor_level in ('HIDDEN', 'COUNTS', 'OVERLAPS', 'FULL')),
    partner_level text        not null default 'HIDDEN' check (partner_level in ('HIDDEN', 'COUNTS', 'OVERLAPS', 'FULL')),
    updated_at    timestamptz not null,
    primary key (workspace_id, partner_id)
);

-- Accounts as each side uploaded them: the vendor's once per workspace (partner_id null), a partner's
-- under its id. The raw name and domain are shown only to the side that uploaded them and, through the
-- sharing levels, to the other side; matching never reads the other side's raw domain (ADR 12).
create table deals_mapping_account
(
    id              uuid        not null primary key,
    workspace_id    uuid        not null references identity_workspace (id),
    partner_id      uuid references partners_partner (id),
    name            text        not null,
    normalized_name text        not null,
    domain          text        not null,
    -- sha256(partnership salt || domain) for a partner's row; null for the vendor's (hashed per partnership).
    domain_hash     bytea,
    status          text        not null check (status in ('CUSTOMER', 'OPEN_OPPORTUNITY', 'PROSPECT')),
    uploaded_at     timestamptz not null,
    check ((partner_id is null) = (domain_hash is null))
);
create unique index deals_mapping_account_vendor on deals_mapping_account (workspace_id, domain) where partner_id is null;
create unique index deals_mapping_account_partner on deals_mapping_account (workspace_id, partner_id, domain) where partner_id is not null;
create index deals_mapping_account_hash on deals_mapping_account (workspace_id, partner_id, domain_hash);
create index deals_mapping_account_name on deals_mapping_account using gin (normalized_name gin_trgm_ops);
