-- The content library (ADR 26): assets (a file, a link or Markdown), who may see them (their audience, mirrored
-- by enablement.Audience), the versions of a file asset, and what partners did with them.

-- What search matches ('simple': no language's stemming, as assets come in several languages; the query matches
-- prefixes instead): the asset's head (title, then description, folder and tags), small enough to rank every match
-- cheaply, and everything (the head with the body and the file's words), which only says whether an asset matches.
-- Declared immutable because array_to_string is only marked stable, though it is immutable for text.
create function enablement_head(title text, description text, folder text, tags text[])
    returns tsvector
    language sql
    immutable
    parallel safe
return setweight(to_tsvector('simple', title), 'A')
    || setweight(to_tsvector('simple', description || ' ' || folder || ' ' || array_to_string(tags, ' ')), 'B');

create table enablement_asset
(
    id             uuid primary key,
    workspace_id   uuid        not null,
    kind           text        not null check (kind in ('FILE', 'LINK', 'TEXT')),
    title          text        not null,
    description    text        not null,
    folder         text        not null,
    tags           text[]      not null,
    products       text[]      not null,
    deal_stages    text[]      not null,
    industries     text[]      not null,
    url            text,
    body           text,
    audience_match text        not null check (audience_match in ('ALL', 'ANY')),
    program_ids    uuid[]      not null,
    tier_ids       uuid[]      not null,
    partner_types  text[]      not null,
    regions        text[]      not null,
    partner_ids    uuid[]      not null,
    publish_from   timestamptz,
    expire_on      timestamptz,
    version        int         not null,
    -- The words inside the current file (Tika), searched with the title and description; never shown.
    extracted_text text        not null,
    head           tsvector generated always as (enablement_head(title, description, folder, tags)) stored,
    search         tsvector generated always as (
        enablement_head(title, description, folder, tags)
            || to_tsvector('simple', coalesce(body, '') || ' ' || extracted_text)) stored,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    archived_at    timestamptz
);
create index enablement_asset_workspace on enablement_asset (workspace_id, folder, title);
create index enablement_asset_search on enablement_asset using gin (search);

create table enablement_asset_version
(
    asset_id     uuid        not null references enablement_asset (id),
    version      int         not null,
    workspace_id uuid        not null,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    storage_key  text        not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null,
    primary key (asset_id, version)
);

-- A partner user's tracked link to one asset, for its customers (/shared/{token}): one per asset and person. The
-- token is public by design, as a tracking link's slug is; it opens only while the partner may see the asset.
create table enablement_share
(
    token        text primary key,
    workspace_id uuid        not null,
    asset_id     uuid        not null references enablement_asset (id),
    partner_id   uuid        not null,
    person       text        not null,
    person_id    uuid        not null,
    created_at   timestamptz not null,
    unique (workspace_id, asset_id, partner_id, person_id)
);

-- One row per view, download or opening of a share link: by which partner, which person (the portal user, by name
-- and id; for a share link, who shared it), and of which version.
create table enablement_asset_usage
(
    id           bigint generated always as identity primary key,
    workspace_id uuid        not null,
    asset_id     uuid        not null references enablement_asset (id),
    partner_id   uuid        not null,
    person       text        not null,
    person_id    uuid        not null,
    action       text        not null check (action in ('VIEW', 'DOWNLOAD', 'SHARE_OPEN')),
    version      int         not null,
    at           timestamptz not null
);
create index enablement_asset_usage_asset on enablement_asset_usage (workspace_id, asset_id, partner_id);
