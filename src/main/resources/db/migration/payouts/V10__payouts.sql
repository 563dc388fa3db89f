-- Payouts: each workspace's schedule and approval threshold, partners' payout and tax details, tax
-- rules as dated data, payout runs with one line per partner and currency, and provider calls.

create table payouts_settings
(
    workspace_id            uuid           not null primary key references identity_workspace (id),
    scheduled               boolean        not null default true,
    -- Monthly runs pay the month's approved commissions this many days after it ends (NET-15).
    net_days                int            not null default 15 check (net_days between 0 and 60),
    second_approval_above   numeric(19, 4) not null default 10000 check (second_approval_above >= 0),
    second_approval_currency char(3)       not null default 'USD',
    -- The vendor as it appears on self-billed invoices.
    legal_name              text,
    address                 text,
    gstin                   text,
    updated_at              timestamptz    not null
);

-- Tax rules are data with effective dates: a change in the law is a new row, never an edit in code.
create table payouts_tax_rule
(
    country        char(2)        not null,
    kind           text           not null check (kind in ('TDS_194H', 'GST', 'US_1099')),
    effective_from date           not null,
    rate           numeric(7, 4)  not null check (rate >= 0 and rate <= 100),
    threshold      numeric(19, 4) not null default 0 check (threshold >= 0),
    currency       char(3)        not null,
    note           text           not null,
    primary key (country, kind, effective_from)
);
insert into payouts_tax_rule (country, kind, effective_from, rate, threshold, currency, note)
values ('IN', 'TDS_194H', '2016-06-01', 5, 15000, 'INR', 'Income Tax Act s.194H, commission or brokerage'),
       ('IN', 'TDS_194H', '2024-10-01', 2, 15000, 'INR', 'Finance (No. 2) Act 2024: rate 2 %'),
       ('IN', 'TDS_194H', '2025-04-01', 2, 20000, 'INR', 'Finance Act 2025: threshold ₹20,000 a financial year'),
       ('IN', 'GST', '2017-07-01', 18, 0, 'INR', 'GST on commission agent services'),
       ('US', 'US_1099', '2000-01-01', 0, 600, 'USD', 'Form 1099-NEC reporting threshold'),
       ('US', 'US_1099', '2026-01-01', 0, 2000, 'USD', 'One Big Beautiful Bill Act: threshold $2,000 from 2026');

create table payouts_profile
(
    partner_id      uuid        not null primary key references partners_partner (id),
    workspace_id    uuid        not null references identity_workspace (id),
    method          text        not null check (method in ('BANK', 'PAYPAL', 'WISE')),
    payee_name      text        not null,
    email           text,
    iban            text,
    bic             text,
    account_number  text,
    bank_code       text,
    country         char(2),
    -- What the details look like normalized, for the duplicate-accounts fraud rule.
    fingerprint     text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);
create index payouts_profile_fingerprint on payouts_profile (workspace_id, fingerprint);

create table payouts_tax_profile
(
    partner_id     uuid        not null primary key references partners_partner (id),
    workspace_id   uuid        not null references identity_workspace (id),
    country        char(2)     not null,
    legal_name     text        not null,
    address        text,
    pan            text,
    gstin          text,
    us_form        text check (us_form in ('W9', 'W8BEN', 'W8BENE')),
    tax_id         text,
    updated_at     timestamptz not null,
    updated_by     text        not null
);
create index payouts_tax_profile_ids on payouts_tax_profile (workspace_id, pan, tax_id);

create table payouts_run
(
    id                    uuid        not null primary key,
    workspace_id          uuid        not null references identity_workspace (id),
    -- PR-0001, …: what people and bank references say.
    reference             text        not null,
    -- A scheduled run's month ("2026-10"); two nodes scheduling the same month insert one row.
    period                text,
    cutoff                timestamptz not null,
    status                text        not null check (status in ('CLAIMING', 'AWAITING_APPROVAL', 'APPROVED',
                                                                  'EXPORTED', 'PAID')),
    needs_second_approval boolean     not null default false,
    -- Above the threshold two different people approve; the creator of an on-demand run is the first.
    first_approved_by     text,
    first_approved_by_id  text,
    first_approved_at     timestamptz,
    created_by            text        not null,
    -- People are compared by id (two colleagues may share a name).
    created_by_id         text        not null,
    created_at            timestamptz not null,
    approved_by           text,
    approved_at           timestamptz,
    exported_at           timestamptz,
    paid_by               text,
    paid_at               timestamptz,
    unique (workspace_id, reference),
    unique (workspace_id, period)
);
-- One open run per workspace: two people starting a run at once, or two nodes scheduling one, make one.
create unique index payouts_run_one_open on payouts_run (workspace_id) where status <> 'PAID';

create table payouts_line
(
    id                uuid           not null primary key,
    run_id            uuid           not null references payouts_run (id),
    workspace_id      uuid           not null references identity_workspace (id),
    partner_id        uuid           not null references partners_partner (id),
    currency          char(3)        not null,
    commissions       int            not null,
    gross             numeric(19, 4) not null,
    gst               numeric(19, 4) not null default 0,
    tds               numeric(19, 4) not null default 0,
    net               numeric(19, 4) not null,
    -- CARRIED: under the minimum or negative; its commissions wait for the next run.
    status            text           not null check (status in ('PAYABLE', 'CARRIED')),
    carried_reason    text,
    reference         text           not null,
    tax_notes         text[]         not null default '{}',
    unique (run_id, partner_id, currency),
    unique (workspace_id, reference)
);
create index payouts_line_partner on payouts_line (workspace_id, partner_id);

-- Every call to a payment provider, keyed by an idempotent batch id the provider sees as well.
create table payouts_provider_call
(
    batch_id    text        not null primary key,
    run_id      uuid        not null references payouts_run (id),
    provider    text        not null,
    status      text        not null,
    detail      text,
    called_at   timestamptz not null
);
