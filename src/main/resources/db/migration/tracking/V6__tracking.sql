-- Tracking: partner links and their clicks, customers, conversions and the attribution decisions that
-- tie them to partners, and the raw events (API, Stripe, snippet) they were learned from.

-- Hosts a link may send visitors to: the host itself or any of its subdomains.
create table tracking_allowed_domain
(
    workspace_id uuid        not null references identity_workspace (id),
    domain       text        not null,
    created_at   timestamptz not null,
    primary key (workspace_id, domain)
);

-- Each partner's public reference, added to every redirect and accepted by the events API.
create table tracking_partner_ref
(
    workspace_id uuid not null references identity_workspace (id),
    partner_id   uuid not null references partners_partner (id),
    ref          text not null,
    primary key (workspace_id, partner_id),
    unique (workspace_id, ref)
);

-- Every insert and update takes the next value, so redirect nodes can load only what changed.
create sequence tracking_link_version;

create table tracking_link
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    partner_id   uuid        not null references partners_partner (id),
    program_id   uuid        not null references programs_program (id),
    slug         text        not null,
    destination  text        not null,
    utm_source   text,
    utm_medium   text,
    utm_campaign text,
    utm_term     text,
    utm_content  text,
    -- The partner's personalized link for the programme, created for it; the others it made itself.
    personal     boolean     not null default false,
    disabled     boolean     not null default false,
    version      bigint      not null default nextval('tracking_link_version'),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (workspace_id, slug)
);
create unique index tracking_link_personal_idx on tracking_link (workspace_id, partner_id, program_id) where personal;
create index tracking_link_partner_idx on tracking_link (workspace_id, partner_id);
create index tracking_link_version_idx on tracking_link (version);

-- Clicks arrive in batches from the click writer at thousands per second: no foreign keys to check per
-- row, ids ordered by time (UUIDv7) so the primary key grows at its right edge, and rows never change.
create table tracking_click
(
    id           uuid        not null primary key,
    workspace_id uuid        not null,
    link_id      uuid        not null,
    partner_id   uuid        not null,
    program_id   uuid        not null,
    clicked_at   timestamptz not null,
    -- A salted hash of the client address and user agent: tells visitors apart without storing who they are.
    visitor      text        not null,
    ip           text,
    user_agent   text,
    referrer     text,
    -- The paid-ads click id parameter the visitor arrived with (gclid, fbclid, msclkid…), if any.
    paid_ad      text
);
create index tracking_click_link_idx on tracking_click (workspace_id, link_id, clicked_at);
create index tracking_click_visitor_idx on tracking_click (workspace_id, visitor, clicked_at);

create table tracking_coupon
(
    workspace_id uuid        not null references identity_workspace (id),
    code         text        not null check (code = upper(code)),
    partner_id   uuid        not null references partners_partner (id),
    program_id   uuid        not null references programs_program (id),
    disabled     boolean     not null default false,
    created_at   timestamptz not null,
    primary key (workspace_id, code)
);

-- How a programme attributes: the window is the programme's own; the model and takeover are set here.
create table tracking_program_policy
(
    workspace_id   uuid    not null references identity_workspace (id),
    program_id     uuid    not null references programs_program (id),
    model          text    not null default 'LAST_CLICK' check (model in ('LAST_CLICK', 'FIRST_CLICK')),
    allow_takeover boolean not null default false,
    primary key (workspace_id, program_id)
);

-- Stripe's webhook signing secrets: several may be live while one is rotated out. Kept as given,
-- because verifying a signature needs the secret itself.
create table tracking_stripe_secret
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    secret       text        not null,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
create index tracking_stripe_secret_workspace_idx on tracking_stripe_secret (workspace_id);

-- Every event received, exactly as received, with what Canopy made of it. The unique key is what makes
-- a redelivered event a no-op.
create table tracking_event
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    source       text        not null check (source in ('API', 'STRIPE', 'SNIPPET')),
    external_id  text        not null,
    type         text        not null,
    payload      jsonb       not null,
    received_at  timestamptz not null,
    outcome      text        not null,
    explanation  text        not null,
    customer_id  uuid,
    partner_id   uuid,
    unique (workspace_id, source, external_id)
);
create index tracking_event_received_idx on tracking_event (workspace_id, received_at desc);

create table tracking_customer
(
    id             uuid        not null primary key,
    workspace_id   uuid        not null references identity_workspace (id),
    external_id    text,
    email          text,
    name           text,
    domain         text,
    status         text        not null check (status in ('LEAD', 'CUSTOMER', 'CHURNED')),
    partner_id     uuid references partners_partner (id),
    program_id     uuid references programs_program (id),
    attributed_at  timestamptz,
    created_at     timestamptz not null,
    first_sale_at  timestamptz,
    churned_at     timestamptz,
    unique (workspace_id, external_id)
);
create index tracking_customer_email_idx on tracking_customer (workspace_id, email);
create index tracking_customer_partner_idx on tracking_customer (workspace_id, partner_id);
create index tracking_customer_domain_idx on tracking_customer (workspace_id, domain);

-- Every attribution decision with its evidence: the signal that won (or why none did) and when it happened.
create table tracking_attribution
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    customer_id  uuid        not null references tracking_customer (id),
    event_id     uuid        not null references tracking_event (id),
    decided_at   timestamptz not null,
    outcome      text        not null check (outcome in ('ATTRIBUTED', 'KEPT', 'TAKEN_OVER', 'UNATTRIBUTED')),
    partner_id   uuid references partners_partner (id),
    program_id   uuid references programs_program (id),
    signal       text check (signal in ('DEAL', 'CLICK', 'COUPON', 'REF')),
    click_id     uuid,
    coupon_code  text,
    deal_id      uuid,
    signal_at    timestamptz,
    reason       text        not null
);
create index tracking_attribution_customer_idx on tracking_attribution (workspace_id, customer_id, decided_at);

-- Leads, sales, refunds and churn as learned; a refund that arrives before its sale waits (applied =
-- false) and is applied when the sale comes.
create table tracking_conversion
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    -- Null only for a refund still waiting for its sale (which names the customer).
    customer_id  uuid references tracking_customer (id),
    event_id     uuid        not null references tracking_event (id),
    kind         text        not null check (kind in ('LEAD', 'SALE', 'REFUND', 'CHURN')),
    partner_id   uuid references partners_partner (id),
    program_id   uuid references programs_program (id),
    amount       numeric(19, 4),
    currency     char(3),
    invoice_id   text,
    refund_key   text,
    product      text,
    recurring    boolean     not null default false,
    first_payment boolean    not null default false,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    applied      boolean     not null default true,
    reverses     uuid references tracking_conversion (id),
    check ((amount is null) = (currency is null))
);
-- One sale per invoice and one refund per refund key, whichever source reported them and how often.
create unique index tracking_conversion_sale_idx on tracking_conversion (workspace_id, invoice_id) where kind = 'SALE';
create unique index tracking_conversion_lead_idx on tracking_conversion (workspace_id, customer_id) where kind = 'LEAD';
create unique index tracking_conversion_refund_idx on tracking_conversion (workspace_id, refund_key) where kind = 'REFUND';
create index tracking_conversion_customer_idx on tracking_conversion (workspace_id, customer_id, occurred_at);
create index tracking_conversion_partner_idx on tracking_conversion (workspace_id, partner_id, occurred_at);
create index tracking_conversion_invoice_idx on tracking_conversion (workspace_id, invoice_id);
