-- When each partner user joined (from identity's PartnerUserJoined), for campaigns sent N days after joining to the
-- users of partners that brought no lead by then; identity keeps no joining time of its own.

create table campaigns_joined
(
    partner_user_id uuid primary key,
    workspace_id    uuid        not null,
    partner_id      uuid        not null,
    joined_at       timestamptz not null
);
create index campaigns_joined_at on campaigns_joined (joined_at);
