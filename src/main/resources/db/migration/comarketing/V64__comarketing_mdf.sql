-- Market development funds (ADR 28): a budget per programme and period, allocated to tiers or named partners as an
-- amount or an accrual; partners request funds for an activity, claim what they spent with receipts, and an
-- approved claim is reimbursed through the next payout run.

create table comarketing_budget
(
    id                    uuid primary key,
    workspace_id          uuid           not null,
    program_id            uuid           not null,
    name                  text           not null,
    starts_on             date           not null,
    ends_on               date           not null,
    currency              text           not null,
    amount                numeric(19, 4) not null check (amount > 0),
    -- A claim is due this many days after its activity ends.
    claim_days            int            not null check (claim_days between 1 and 365),
    -- Requests above this amount need a second approver (null: one approver for every amount).
    second_approval_above numeric(19, 4) check (second_approval_above >= 0),
    created_by            text           not null,
    created_at            timestamptz    not null,
    check (ends_on >= starts_on)
);
create index comarketing_budget_workspace on comarketing_budget (workspace_id, starts_on desc);

create table comarketing_allocation
(
    id              uuid primary key,
    workspace_id    uuid           not null,
    budget_id       uuid           not null references comarketing_budget (id),
    partner_id      uuid,
    tier_id         uuid,
    -- The amount allocated, or an accrual's cap.
    amount          numeric(19, 4) not null check (amount > 0),
    -- An accrual: this percentage of the partner's attributed net revenue in the budget's period, up to the cap.
    accrual_percent numeric(7, 4) check (accrual_percent > 0 and accrual_percent <= 100),
    created_by      text           not null,
    created_at      timestamptz    not null,
    check ((partner_id is null) <> (tier_id is null))
);
create unique index comarketing_allocation_once on comarketing_allocation (budget_id, coalesce(partner_id, tier_id));

create table comarketing_request
(
    id                uuid primary key,
    workspace_id      uuid           not null,
    budget_id         uuid           not null references comarketing_budget (id),
    partner_id        uuid           not null,
    number            int            not null,
    activity_type     text           not null,
    title             text           not null,
    description       text           not null,
    starts_on         date           not null,
    ends_on           date           not null,
    planned_cost      numeric(19, 4) not null check (planned_cost > 0),
    expected_leads    int            not null check (expected_leads between 0 and 1000000),
    status            text           not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED')),
    approved_amount   numeric(19, 4) check (approved_amount > 0),
    first_approved_by text,
    first_approver_id text,
    decided_by        text,
    decided_at        timestamptz,
    reason            text,
    claim_due_on      date,
    -- A partner's request for a later claim deadline, until staff grant or refuse it.
    extension_reason  text,
    submitted_by      text           not null,
    submitted_at      timestamptz    not null,
    check (ends_on >= starts_on),
    check ((status = 'APPROVED') = (approved_amount is not null))
);
create unique index comarketing_request_number on comarketing_request (workspace_id, number);
create index comarketing_request_budget on comarketing_request (budget_id, partner_id);
create index comarketing_request_queue on comarketing_request (workspace_id, status, submitted_at);

create table comarketing_claim
(
    id              uuid primary key,
    workspace_id    uuid           not null,
    request_id      uuid           not null references comarketing_request (id),
    partner_id      uuid           not null,
    currency        text           not null,
    status          text           not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
    claimed_amount  numeric(19, 4) not null check (claimed_amount > 0),
    approved_amount numeric(19, 4) check (approved_amount >= 0),
    submitted_by    text           not null,
    submitted_at    timestamptz    not null,
    reviewed_by     text,
    reviewed_at     timestamptz,
    payout_run_id   uuid,
    paid_at         timestamptz,
    check ((status in ('APPROVED', 'PAID')) = (approved_amount is not null))
);
-- One claim per request that still stands: a rejected claim may be sent again.
create unique index comarketing_claim_once on comarketing_claim (request_id) where status <> 'REJECTED';
create index comarketing_claim_payable on comarketing_claim (workspace_id, status, payout_run_id);

create table comarketing_claim_line
(
    id              uuid primary key,
    claim_id        uuid           not null references comarketing_claim (id),
    position        int            not null,
    description     text           not null,
    amount          numeric(19, 4) not null check (amount > 0),
    receipt_key     text           not null,
    receipt_name    text           not null,
    receipt_type    text           not null,
    decision        text check (decision in ('ACCEPTED', 'REDUCED', 'DENIED')),
    accepted_amount numeric(19, 4) check (accepted_amount >= 0),
    reason          text,
    unique (claim_id, position)
);
