-- Partners: the companies that resell, integrate, refer or promote the vendor, their contacts and the
-- history of their lifecycle.

create table partners_partner
(
    id                uuid        not null primary key,
    workspace_id      uuid        not null references identity_workspace (id),
    name              text        not null,
    website           text,
    domain            text,
    types             text[]      not null default '{}',
    regions           text[]      not null default '{}',
    verticals         text[]      not null default '{}',
    size              text check (size in ('1-10', '11-50', '51-200', '201-1000', '1000+')),
    status            text        not null check (status in
                                                   ('INVITED', 'APPLIED', 'APPROVED', 'REJECTED', 'ACTIVE', 'SUSPENDED', 'BANNED', 'ARCHIVED')),
    status_reason     text,
    status_changed_at timestamptz not null,
    -- Last click, lead, deal or sign-in: dormancy is measured from it (or from creation, when none yet).
    last_activity_at  timestamptz,
    created_at        timestamptz not null
);
create index partners_partner_workspace_idx on partners_partner (workspace_id, name);
create index partners_partner_domain_idx on partners_partner (workspace_id, domain);
create index partners_partner_status_idx on partners_partner (workspace_id, status);

create table partners_contact
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    partner_id   uuid        not null references partners_partner (id),
    name         text        not null,
    email        text        not null,
    phone        text,
    title        text,
    is_primary   boolean     not null default false,
    created_at   timestamptz not null
);
create index partners_contact_partner_idx on partners_contact (partner_id);

create table partners_status_change
(
    id           bigint generated always as identity primary key,
    workspace_id uuid        not null references identity_workspace (id),
    partner_id   uuid        not null references partners_partner (id),
    from_status  text,
    to_status    text        not null,
    reason       text,
    actor_name   text        not null,
    changed_at   timestamptz not null
);
create index partners_status_change_partner_idx on partners_status_change (partner_id, id);

-- CSV imports: progress for the page that polls it, and the rows refused with their reasons.
create table partners_import
(
    id            uuid        not null primary key,
    workspace_id  uuid        not null references identity_workspace (id),
    file_name     text        not null,
    status        text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total_rows    int         not null default 0,
    processed     int         not null default 0,
    imported      int         not null default 0,
    rejected      int         not null default 0,
    rejected_csv  text,
    failure       text,
    created_by    text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz
);
create index partners_import_workspace_idx on partners_import (workspace_id, created_at desc);

-- Per-workspace settings of the partners module.
create table partners_settings
(
    workspace_id  uuid not null primary key references identity_workspace (id),
    dormancy_days int  not null default 60 check (dormancy_days between 7 and 730)
);

-- Partner users created before partner companies existed get a company of their own.
insert into partners_partner (id, workspace_id, name, status, status_changed_at, created_at)
select distinct u.partner_id, u.workspace_id, 'Partner ' || left(u.partner_id::text, 8), 'ACTIVE', now(), now()
from identity_partner_user u
where not exists (select 1 from partners_partner p where p.id = u.partner_id);

-- Partner users belong to a partner company; partner admins manage their colleagues.
alter table identity_partner_user
    add constraint identity_partner_user_partner_fk foreign key (partner_id) references partners_partner (id);
alter table identity_partner_user
    add column role text not null default 'MEMBER' check (role in ('ADMIN', 'MEMBER'));
alter table identity_partner_user
    add column invitation_token_hash text unique;
alter table identity_partner_user
    add column invitation_expires_at timestamptz;
alter table identity_partner_user
    add column removed_at timestamptz;
-- Closed while the partner company is suspended, banned or archived.
alter table identity_partner_user
    add column access_blocked boolean not null default false;
