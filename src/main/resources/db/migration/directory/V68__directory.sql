-- The public partner directory: whether a workspace shows it, each partner's listing (the partner opts in and
-- writes its profile; staff may hide it) and the requests prospects send a listed partner through it.

create table directory_settings
(
    workspace_id uuid    not null primary key references identity_workspace (id),
    enabled      boolean not null default false
);

create table directory_listing
(
    workspace_id  uuid        not null references identity_workspace (id),
    partner_id    uuid        not null references partners_partner (id),
    -- The partner's part of the public address, /directory/{workspace}/{slug}; kept when the partner is renamed.
    slug          text        not null,
    opted_in      boolean     not null default false,
    hidden        boolean     not null default false,
    hidden_reason text,
    description   text,
    website       text,
    contact_email text,
    services      text[]      not null default '{}',
    industries    text[]      not null default '{}',
    regions       text[]      not null default '{}',
    updated_at    timestamptz not null,
    updated_by    text        not null,
    primary key (workspace_id, partner_id),
    unique (workspace_id, slug)
);
create index directory_listing_listed_idx on directory_listing (workspace_id) where opted_in and not hidden;

-- One row per contact form sent: its token (from the form) makes a form sent twice one request and one lead;
-- the client's anonymized address counts toward the rate limit.
create table directory_contact
(
    workspace_id uuid        not null references identity_workspace (id),
    token        uuid        not null,
    partner_id   uuid        not null references partners_partner (id),
    name         text        not null,
    email        text        not null,
    company      text,
    message      text        not null,
    client_key   text        not null,
    created_at   timestamptz not null,
    primary key (workspace_id, token)
);
create index directory_contact_partner_idx on directory_contact (workspace_id, partner_id, created_at desc);
create index directory_contact_client_idx on directory_contact (client_key, created_at);
