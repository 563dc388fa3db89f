-- A workspace's clicks and conversions per day and programme, over all its partners (ADR 19): the funnel's chart and
-- the period before it need no row per partner, and read a few hundred rows here instead of one per link or partner
-- and day (at 10,000 partners, 30 days: about a sixth of a 30-day funnel's time). Kept by the same statement
-- triggers as the other rollups, and by the click writer's repeats and bots.
-- Clicks and conversions being stored by another node wait until this commits, then fire the new functions: none is
-- missed or counted twice between the backfills below and the new triggers.
lock table tracking_click, tracking_conversion in share mode;

create table tracking_click_total_day
(
    workspace_id uuid   not null,
    day          date   not null,
    program_id   uuid   not null,
    clicks       bigint not null,
    repeats      bigint not null,
    bots         bigint not null,
    primary key (workspace_id, day, program_id)
);

create or replace function tracking_click_day_add() returns trigger
    language plpgsql as
$$
begin
    -- Sorted, days before months before totals, so that two batches touching the same rows lock them in the same
    -- order (VisitTally's writes take them in this order too).
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
    insert into tracking_click_total_day (workspace_id, day, program_id, clicks, repeats, bots)
    select workspace_id, (clicked_at at time zone 'UTC')::date, program_id, count(*), 0, 0
    from added_clicks
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (workspace_id, day, program_id) do update
        set clicks = tracking_click_total_day.clicks + excluded.clicks;
    return null;
end;
$$;

insert into tracking_click_total_day (workspace_id, day, program_id, clicks, repeats, bots)
select workspace_id, day, program_id, sum(clicks), sum(repeats), sum(bots)
from tracking_click_day
group by 1, 2, 3;

create table tracking_conversion_total_day
(
    workspace_id   uuid           not null,
    day            date           not null,
    program_id     uuid,
    attributed     boolean        not null,
    kind           text           not null,
    currency       char(3),
    conversions    bigint         not null,
    first_payments bigint         not null,
    amount         numeric(19, 4) not null,
    constraint tracking_conversion_total_day_key
        unique nulls not distinct (workspace_id, day, program_id, attributed, kind, currency)
);

create or replace function tracking_conversion_day_apply(rows_changed jsonb, sign int) returns void
    language sql as
$$
insert into tracking_conversion_day
    (workspace_id, day, partner_id, program_id, kind, currency, conversions, first_payments, amount)
select r.workspace_id, (r.occurred_at at time zone 'UTC')::date, r.partner_id, r.program_id, r.kind, r.currency,
       sign * count(*), sign * count(*) filter (where r.first_payment), sign * coalesce(sum(r.amount), 0)
from jsonb_populate_recordset(null::tracking_conversion, rows_changed) r
where r.applied
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6
on conflict on constraint tracking_conversion_day_key do update
    set conversions    = tracking_conversion_day.conversions + excluded.conversions,
        first_payments = tracking_conversion_day.first_payments + excluded.first_payments,
        amount         = tracking_conversion_day.amount + excluded.amount;
insert into tracking_conversion_total_day
    (workspace_id, day, program_id, attributed, kind, currency, conversions, first_payments, amount)
select r.workspace_id, (r.occurred_at at time zone 'UTC')::date, r.program_id, r.partner_id is not null, r.kind,
       r.currency, sign * count(*), sign * count(*) filter (where r.first_payment), sign * coalesce(sum(r.amount), 0)
from jsonb_populate_recordset(null::tracking_conversion, rows_changed) r
where r.applied
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6
on conflict on constraint tracking_conversion_total_day_key do update
    set conversions    = tracking_conversion_total_day.conversions + excluded.conversions,
        first_payments = tracking_conversion_total_day.first_payments + excluded.first_payments,
        amount         = tracking_conversion_total_day.amount + excluded.amount;
$$;

insert into tracking_conversion_total_day
    (workspace_id, day, program_id, attributed, kind, currency, conversions, first_payments, amount)
select workspace_id, day, program_id, partner_id is not null, kind, currency, sum(conversions), sum(first_payments),
       sum(amount)
from tracking_conversion_day
group by 1, 2, 3, 4, 5, 6;
