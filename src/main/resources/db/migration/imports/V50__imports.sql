-- Imports from other PRMs: a run reads the files a vendor uploaded (kept until it ends, so a run cut short by a
-- crash is resumed where its last committed batch left it), and keeps one outcome per record for its report.
create table imports_run
(
    id           uuid        not null primary key,
    workspace_id uuid        not null references identity_workspace (id),
    source       text        not null,
    program_id   uuid        not null references programs_program (id),
    dry_run      boolean     not null,
    status       text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    -- The kind of record being imported and how many of its rows are done.
    phase        text,
    position     int         not null default 0,
    total        int         not null,
    processed    int         not null default 0,
    created      int         not null default 0,
    updated      int         not null default 0,
    unchanged    int         not null default 0,
    refused      int         not null default 0,
    error        text,
    created_by   text        not null,
    created_at   timestamptz not null,
    -- A node working on the run pushes this forward; a run whose claim ran out is resumed by another.
    claimed_until timestamptz,
    finished_at  timestamptz
);
create index imports_run_recent on imports_run (workspace_id, created_at desc);
create index imports_run_unfinished on imports_run (claimed_until) where status = 'RUNNING';

create table imports_file
(
    run_id    uuid not null references imports_run (id) on delete cascade,
    kind      text not null check (kind in ('PARTNERS', 'LINKS', 'CUSTOMERS', 'COMMISSIONS')),
    file_name text not null,
    content   text not null,
    rows      int  not null,
    primary key (run_id, kind)
);

create table imports_outcome
(
    run_id      uuid not null references imports_run (id) on delete cascade,
    kind        text not null,
    line        int  not null,
    external_id text,
    outcome     text not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'REFUSED')),
    reason      text,
    primary key (run_id, kind, line)
);
