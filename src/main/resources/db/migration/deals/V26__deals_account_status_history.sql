-- When each account of the vendor's list was first recorded in each status. An opportunity opens when the
-- vendor first records the account as an open opportunity or a customer, not when it was first listed
-- (a prospect row uploaded again as an opportunity keeps its uploaded_at). Rows are never updated: the
-- first time in a status stays, whatever later uploads say or remove.
create table deals_mapping_account_status
(
    workspace_id uuid        not null references identity_workspace (id),
    domain       text        not null,
    status       text        not null check (status in ('CUSTOMER', 'OPEN_OPPORTUNITY', 'PROSPECT')),
    since        timestamptz not null,
    primary key (workspace_id, domain, status)
);

-- What is known of the lists uploaded so far: each account's status since it was first listed.
insert into deals_mapping_account_status (workspace_id, domain, status, since)
select workspace_id, domain, status, uploaded_at
from deals_mapping_account
where partner_id is null;
