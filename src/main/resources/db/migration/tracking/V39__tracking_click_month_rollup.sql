-- Clicks per month and link, kept by the same trigger as the days (ADR 19): a dashboard sums a window of days as
-- whole months, less or plus the days at its edges (tracking.internal.ClickWindow), so a 30-day window of 10,000
-- partners reads about a quarter of the rows it did, and a year a tenth.
-- Clicks being stored by another node wait until this commits, then fire the new trigger: none is missed or
-- counted twice between the backfill below and the new trigger.
lock table tracking_click in share mode;

create table tracking_click_month
(
    workspace_id   uuid   not null,
    month          date   not null, -- its first day
    link_id        uuid   not null,
    partner_id     uuid   not null,
    program_id     uuid   not null,
    clicks         bigint not null,
    paid_ad_clicks bigint not null,
    primary key (workspace_id, month, link_id)
);
create index tracking_click_month_window on tracking_click_month (workspace_id, month)
    include (partner_id, program_id, clicks, paid_ad_clicks);

create or replace function tracking_click_day_add() returns trigger
    language plpgsql as
$$
begin
    -- Sorted, days before months, so that two batches touching the same rows lock them in the same order.
    insert into tracking_click_day (workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks)
    select workspace_id, (clicked_at at time zone 'UTC')::date, link_id, min(partner_id::text)::uuid,
           min(program_id::text)::uuid, count(*), count(paid_ad)
    from added_clicks
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (workspace_id, day, link_id) do update
        set clicks         = tracking_click_day.clicks + excluded.clicks,
            paid_ad_clicks = tracking_click_day.paid_ad_clicks + excluded.paid_ad_clicks;
    insert into tracking_click_month (workspace_id, month, link_id, partner_id, program_id, clicks, paid_ad_clicks)
    select workspace_id, date_trunc('month', clicked_at at time zone 'UTC')::date, link_id,
           min(partner_id::text)::uuid, min(program_id::text)::uuid, count(*), count(paid_ad)
    from added_clicks
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (workspace_id, month, link_id) do update
        set clicks         = tracking_click_month.clicks + excluded.clicks,
            paid_ad_clicks = tracking_click_month.paid_ad_clicks + excluded.paid_ad_clicks;
    return null;
end;
$$;

-- From the days, which hold every click ever stored (raw months may have been dropped already).
insert into tracking_click_month (workspace_id, month, link_id, partner_id, program_id, clicks, paid_ad_clicks)
select workspace_id, date_trunc('month', day)::date, link_id, min(partner_id::text)::uuid, min(program_id::text)::uuid,
       sum(clicks), sum(paid_ad_clicks)
from tracking_click_day
group by 1, 2, 3;
