-- The deal registrations an MDF activity brought, named by the partner or staff: its pipeline and won revenue.
create table comarketing_activity_deal
(
    workspace_id uuid        not null,
    request_id   uuid        not null references comarketing_request (id),
    deal_id      uuid        not null,
    linked_by    text        not null,
    linked_at    timestamptz not null,
    primary key (request_id, deal_id)
);
-- A deal counts for one activity at most: its value is never counted twice.
create unique index comarketing_activity_deal_once on comarketing_activity_deal (workspace_id, deal_id);
