-- Identity: workspaces (one per vendor company), people and their roles, invitations, password resets,
-- login throttling, API keys and partner-portal users.

create table identity_workspace
(
    id         uuid        not null primary key,
    slug       text        not null unique,
    name       text        not null,
    website    text,
    timezone   text        not null default 'UTC',
    currency   char(3)     not null default 'USD',
    created_at timestamptz not null
);

-- A person who signs in to the vendor console. One account may belong to several workspaces.
create table identity_account
(
    id            uuid        not null primary key,
    email         text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    created_at    timestamptz not null,
    last_login_at timestamptz
);

create table identity_membership
(
    workspace_id uuid        not null references identity_workspace (id),
    account_id   uuid        not null references identity_account (id),
    role         text        not null check (role in ('OWNER', 'ADMIN', 'PARTNER_MANAGER', 'FINANCE', 'SALES', 'ANALYST')),
    joined_at    timestamptz not null,
    primary key (workspace_id, account_id)
);
create index identity_membership_account_idx on identity_membership (account_id);

create table identity_invitation
(
    id          uuid        not null primary key,
    workspace_id uuid       not null references identity_workspace (id),
    email       text        not null,
    role        text        not null check (role in ('ADMIN', 'PARTNER_MANAGER', 'FINANCE', 'SALES', 'ANALYST')),
    token_hash  text        not null unique,
    invited_by  uuid        not null references identity_account (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index identity_invitation_workspace_idx on identity_invitation (workspace_id, created_at desc);
-- At most one open invitation per address and workspace.
create unique index identity_invitation_open_idx on identity_invitation (workspace_id, email)
    where accepted_at is null and revoked_at is null;

create table identity_password_reset
(
    token_hash text        not null primary key,
    account_id uuid        not null references identity_account (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table identity_login_failure
(
    id           bigint generated always as identity primary key,
    email        text        not null,
    client_ip    text        not null,
    attempted_at timestamptz not null
);
create index identity_login_failure_email_idx on identity_login_failure (email, attempted_at);
create index identity_login_failure_ip_idx on identity_login_failure (client_ip, attempted_at);

create table identity_api_key
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    name         text        not null,
    prefix       text        not null unique,
    secret_hash  text        not null,
    scope        text        not null check (scope in ('READ', 'READ_WRITE')),
    created_by   uuid        not null references identity_account (id),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index identity_api_key_workspace_idx on identity_api_key (workspace_id, created_at desc);

-- A member of a partner company (the partners module adds the company and the foreign key).
create table identity_partner_user
(
    id            uuid        not null primary key,
    workspace_id  uuid        not null references identity_workspace (id),
    partner_id    uuid        not null,
    email         text        not null,
    display_name  text        not null,
    password_hash text,
    created_at    timestamptz not null,
    last_login_at timestamptz
);
-- One address is one partner identity across the network: it signs in at /portal/login.
create unique index identity_partner_user_email_idx on identity_partner_user (email);
create index identity_partner_user_workspace_idx on identity_partner_user (workspace_id, partner_id);
