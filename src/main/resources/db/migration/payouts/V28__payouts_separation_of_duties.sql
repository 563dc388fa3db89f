-- Separation of duties, a workspace's choice: whoever starts a run never approves it or marks it paid, and
-- whoever approves it never marks it paid. The approver's id is kept to tell people with the same name apart.
alter table payouts_settings
    add column separate_duties boolean not null default false;
alter table payouts_run
    add column approved_by_id text;
