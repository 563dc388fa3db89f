-- The ledger: double-entry and append-only. A transaction's legs are written by one INSERT, so a
-- statement-level trigger can refuse any transaction whose legs do not sum to zero per currency.
-- Sign convention: a positive amount is a debit, a negative one a credit.
create table ledger_transaction
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    -- What made it, unique per workspace: a retried or replayed step finds its own transaction and stops.
    key          text        not null,
    kind         text        not null,
    memo         text        not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    unique (workspace_id, key)
);

create table ledger_posting
(
    id             bigint generated always as identity primary key,
    transaction_id uuid           not null references ledger_transaction (id),
    workspace_id   uuid           not null references identity_workspace (id),
    account        text           not null,
    -- Partner accounts are per partner; the vendor's accounts have none.
    partner_id     uuid references partners_partner (id),
    currency       char(3)        not null,
    amount         numeric(19, 4) not null check (amount <> 0),
    -- A neutral reference to what the leg is about (a commission, a payout line), never a column per module.
    ref            uuid
);
create index ledger_posting_balance on ledger_posting (workspace_id, account, partner_id, currency);
create index ledger_posting_transaction on ledger_posting (transaction_id);
create index ledger_posting_ref on ledger_posting (ref) where ref is not null;

create function ledger_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
end
$$;
create trigger ledger_transaction_append_only
    before update or delete or truncate on ledger_transaction
    for each statement execute function ledger_is_append_only();
create trigger ledger_posting_append_only
    before update or delete or truncate on ledger_posting
    for each statement execute function ledger_is_append_only();

create function ledger_transactions_balance() returns trigger language plpgsql as
$$
declare
    unbalanced record;
begin
    select transaction_id, currency, sum(amount) as total into unbalanced
    from inserted group by transaction_id, currency having sum(amount) <> 0 limit 1;
    if found then
        raise exception 'ledger transaction % does not balance in %: %',
            unbalanced.transaction_id, unbalanced.currency, unbalanced.total;
    end if;
    return null;
end
$$;
create trigger ledger_posting_balanced
    after insert on ledger_posting referencing new table as inserted
    for each statement execute function ledger_transactions_balance();

-- Exchange rates a finance user entered or imported: 1 unit of base = rate units of quote, from that day.
create table commissions_exchange_rate
(
    workspace_id uuid           not null references identity_workspace (id),
    base         char(3)        not null,
    quote        char(3)        not null check (quote <> base),
    effective_on date           not null,
    rate         numeric(20, 10) not null check (rate > 0),
    entered_by   text           not null,
    entered_at   timestamptz    not null,
    primary key (workspace_id, base, quote, effective_on)
);

-- A programme's plan: its rules below and the least a partner is paid in one payout.
create table commissions_plan
(
    program_id     uuid           not null primary key references programs_program (id),
    workspace_id   uuid           not null references identity_workspace (id),
    payout_minimum numeric(19, 4) not null default 0 check (payout_minimum >= 0),
    updated_at     timestamptz    not null
);

create table commissions_rule
(
    id              uuid           not null primary key,
    workspace_id    uuid           not null references identity_workspace (id),
    program_id      uuid           not null references programs_program (id),
    name            text           not null,
    event           text           not null check (event in ('CLICK', 'LEAD', 'FIRST_PAYMENT', 'RECURRING_PAYMENT',
                                                             'DEAL_WON', 'BOUNTY')),
    basis           text           not null check (basis in ('PAYMENT', 'CONTRACT_VALUE', 'LIST_PRICE', 'FLAT')),
    -- Percent of the basis, or a flat amount in the programme's currency.
    rate            numeric(7, 4) check (rate > 0 and rate <= 100),
    flat_amount     numeric(19, 4) check (flat_amount > 0),
    duration        text           not null check (duration in ('ONCE', 'MONTHS', 'LIFETIME')),
    duration_months int check (duration_months between 1 and 120),
    -- Conditions; null matches everything.
    product         text,
    country         char(2),
    min_amount      numeric(19, 4) check (min_amount >= 0),
    max_amount      numeric(19, 4) check (max_amount >= 0),
    -- No foreign key: a rule for a tier that is later removed simply matches nobody.
    tier_id         uuid,
    cap_amount      numeric(19, 4) check (cap_amount > 0),
    cap_period      text check (cap_period in ('MONTH', 'QUARTER', 'YEAR')),
    active          boolean        not null default true,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    check ((basis = 'FLAT') = (flat_amount is not null) and (basis = 'FLAT') = (rate is null)),
    check ((duration = 'MONTHS') = (duration_months is not null)),
    check ((cap_amount is null) = (cap_period is null)),
    check (min_amount is null or max_amount is null or min_amount <= max_amount)
);
create index commissions_rule_program on commissions_rule (workspace_id, program_id) where active;

-- Tier overrides: Gold earns 20 % where the rule says 15 %.
create table commissions_rule_tier
(
    rule_id     uuid           not null references commissions_rule (id) on delete cascade,
    tier_id     uuid           not null references programs_tier (id) on delete cascade,
    rate        numeric(7, 4) check (rate > 0 and rate <= 100),
    flat_amount numeric(19, 4) check (flat_amount > 0),
    primary key (rule_id, tier_id),
    check ((rate is null) <> (flat_amount is null))
);

-- What commissions are computed from: attributed conversions, won deals, bounties, as the engine sees
-- them. The id is the conversion's or the deal's own, so a replayed event finds its row.
create table commissions_source
(
    id              uuid           not null primary key,
    workspace_id    uuid           not null references identity_workspace (id),
    kind            text           not null check (kind in ('LEAD', 'SALE', 'REFUND', 'DEAL_WON', 'BOUNTY')),
    partner_id      uuid           not null references partners_partner (id),
    program_id      uuid           not null references programs_program (id),
    -- The partner's tier when it happened: a later promotion does not reprice the past.
    tier_id         uuid,
    customer_id     uuid,
    customer_email  text,
    customer_domain text,
    country         char(2),
    products        text[]         not null default '{}',
    amount          numeric(19, 4),
    currency        char(3),
    -- DEAL_WON: CONTRACT_VALUE or LIST_PRICE; SALE: PAYMENT.
    basis           text,
    first_payment   boolean        not null default false,
    reverses        uuid,
    paid_ad         text,
    description     text           not null,
    occurred_at     timestamptz    not null,
    received_at     timestamptz    not null
);
create index commissions_source_unpriced on commissions_source (workspace_id, received_at);

-- When each customer first paid, per programme: recurring rules count their months from it.
create table commissions_customer_start
(
    workspace_id  uuid        not null,
    program_id    uuid        not null,
    customer_id   uuid        not null,
    first_paid_at timestamptz not null,
    primary key (workspace_id, program_id, customer_id)
);

create table commissions_commission
(
    id             uuid           not null primary key,
    workspace_id   uuid           not null references identity_workspace (id),
    partner_id     uuid           not null references partners_partner (id),
    program_id     uuid           not null references programs_program (id),
    source_id      uuid           not null references commissions_source (id),
    rule_id        uuid references commissions_rule (id),
    kind           text           not null check (kind in ('EARNED', 'REVERSAL', 'CLAWBACK')),
    -- For a reversal or clawback: the commission it gives back.
    reverses       uuid references commissions_commission (id),
    status         text           not null check (status in ('PENDING', 'HELD', 'APPROVED', 'IN_PAYOUT', 'PAID',
                                                             'DECLINED', 'REVERSED', 'RECORDED')),
    -- Negative for reversals and clawbacks; in the programme's currency.
    amount         numeric(19, 4) not null,
    currency       char(3)        not null,
    -- The explanation, locked when created: base in the sale's currency, the rate, the exchange rate.
    base_amount    numeric(19, 4),
    base_currency  char(3),
    rate           numeric(7, 4),
    fx_rate        numeric(20, 10),
    fx_on          date,
    capped_from    numeric(19, 4),
    tier_id        uuid,
    rule_name      text,
    basis          text,
    -- False for a reseller margin: recorded and reported, never paid.
    payable        boolean        not null,
    hold_until     timestamptz    not null,
    hold_reasons   text[]         not null default '{}',
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    approved_at    timestamptz,
    payout_run_id  uuid,
    occurred_at    timestamptz    not null,
    created_at     timestamptz    not null
);
-- One commission per source and rule, and one reversal per refund and commission: replays pay nothing.
create unique index commissions_once_per_rule on commissions_commission (source_id, rule_id) where kind = 'EARNED';
create unique index commissions_once_per_refund on commissions_commission (source_id, reverses) where kind <> 'EARNED';
create index commissions_by_status on commissions_commission (workspace_id, status, hold_until);
create index commissions_by_partner on commissions_commission (workspace_id, partner_id, created_at desc);
create index commissions_by_source on commissions_commission (source_id);
create index commissions_by_payout_run on commissions_commission (payout_run_id) where payout_run_id is not null;

-- Fraud rules per workspace; each held commission says which one held it.
create table commissions_fraud_settings
(
    workspace_id             uuid          not null primary key references identity_workspace (id),
    self_referral            boolean       not null default true,
    duplicate_accounts       boolean       not null default true,
    paid_ads                 boolean       not null default true,
    refund_rate_percent      numeric(5, 2) check (refund_rate_percent > 0 and refund_rate_percent <= 100),
    refund_rate_min_sales    int           not null default 10 check (refund_rate_min_sales > 0)
);
