-- Clicks partitioned by month (ADR 19): raw clicks are kept for a configurable retention (25 months by default)
-- and whole months are detached and dropped by ClickPartitions; the daily rollups are kept for ever. A default
-- partition takes what no month's partition covers (a click of a month not yet made), so no write ever fails.
alter table tracking_click rename to tracking_click_unpartitioned;
alter index tracking_click_link_idx rename to tracking_click_unpartitioned_link_idx;
alter index tracking_click_visitor_idx rename to tracking_click_unpartitioned_visitor_idx;
-- Its rollup trigger goes with it: the rows copied below are in the rollups already.
drop trigger tracking_click_day_on_insert on tracking_click_unpartitioned;

create table tracking_click
(
    id           uuid        not null,
    workspace_id uuid        not null,
    link_id      uuid        not null,
    partner_id   uuid        not null,
    program_id   uuid        not null,
    clicked_at   timestamptz not null,
    -- A salted hash of the client address and user agent: tells visitors apart without storing who they are.
    visitor      text        not null,
    ip           text,
    user_agent   text,
    referrer     text,
    -- The paid-ads click id parameter the visitor arrived with (gclid, fbclid, msclkid…), if any.
    paid_ad      text,
    primary key (id, clicked_at)
) partition by range (clicked_at);

do
$$
    declare
        month date;
        last  date := (date_trunc('month', now() at time zone 'UTC') + interval '2 months')::date;
    begin
        select coalesce(date_trunc('month', min(clicked_at) at time zone 'UTC'),
                        date_trunc('month', now() at time zone 'UTC'))::date
        into month
        from tracking_click_unpartitioned;
        while month <= last
            loop
                execute format('create table %I partition of tracking_click for values from (%L) to (%L)',
                               'tracking_click_' || to_char(month, 'YYYY_MM'),
                               month::timestamp at time zone 'UTC',
                               (month + interval '1 month')::timestamp at time zone 'UTC');
                month := (month + interval '1 month')::date;
            end loop;
    end
$$;
create table tracking_click_default partition of tracking_click default;

insert into tracking_click (id, workspace_id, link_id, partner_id, program_id, clicked_at, visitor, ip, user_agent,
                            referrer, paid_ad)
select id, workspace_id, link_id, partner_id, program_id, clicked_at, visitor, ip, user_agent, referrer, paid_ad
from tracking_click_unpartitioned;
drop table tracking_click_unpartitioned;

create index tracking_click_link_idx on tracking_click (workspace_id, link_id, clicked_at);
create index tracking_click_visitor_idx on tracking_click (workspace_id, visitor, clicked_at);

create trigger tracking_click_day_on_insert
    after insert on tracking_click
    referencing new table as added_clicks
    for each statement
execute function tracking_click_day_add();
