-- Co-branded landing pages: the vendor's templates (sections with merge fields for the partner), each partner's
-- page on one published template (its logo, text and contact) at a public address, and the leads its form took.

create table landingpages_template
(
    workspace_id uuid        not null references identity_workspace (id),
    id           uuid        not null,
    name         text        not null,
    headline     text        not null,
    -- Ordered [{"heading": …, "body": …}]: headings are text, bodies Markdown or limited HTML, sanitized on render.
    sections     jsonb       not null default '[]',
    cta_label    text        not null,
    published    boolean     not null default false,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    primary key (workspace_id, id)
);

create table landingpages_page
(
    workspace_id  uuid        not null references identity_workspace (id),
    partner_id    uuid        not null references partners_partner (id),
    template_id   uuid        not null,
    -- The partner's part of the public address, /p/{workspace}/{slug}; kept when the partner is renamed.
    slug          text        not null,
    enabled       boolean     not null default false,
    text          text,
    contact_email text,
    contact_phone text,
    -- The logo as resized on upload (PNG), never the bytes the partner sent.
    logo          bytea,
    logo_width    integer,
    logo_height   integer,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    primary key (workspace_id, partner_id),
    unique (workspace_id, slug),
    foreign key (workspace_id, template_id) references landingpages_template (workspace_id, id)
);

-- One row per form sent: its token (from the form) makes a form sent twice one lead; the click is the tracking
-- link's the visitor arrived through, when there was one; the anonymized address counts toward the rate limit.
create table landingpages_lead
(
    workspace_id uuid        not null references identity_workspace (id),
    token        uuid        not null,
    partner_id   uuid        not null references partners_partner (id),
    template_id  uuid        not null,
    name         text        not null,
    email        text        not null,
    company      text,
    message      text,
    click_id     uuid,
    client_key   text        not null,
    created_at   timestamptz not null,
    primary key (workspace_id, token)
);
create index landingpages_lead_partner_idx on landingpages_lead (workspace_id, partner_id, created_at desc);
create index landingpages_lead_client_idx on landingpages_lead (client_key, created_at);
