-- Daily rollups of clicks and conversions for the analytics dashboards (ADR 19). Each is kept by
-- statement-level triggers in the transaction that writes the raw rows: a row counts exactly once, whenever
-- it arrives (a click stored a day late lands in its own day), and a batch rolled back leaves no trace.
-- Days are UTC days. Raw rows may later be dropped for retention; the rollups are kept for ever.

-- Per link: a link belongs to one partner and one programme, which are kept beside it for the dashboards.
create table tracking_click_day
(
    workspace_id   uuid   not null,
    day            date   not null,
    link_id        uuid   not null,
    partner_id     uuid   not null,
    program_id     uuid   not null,
    clicks         bigint not null,
    paid_ad_clicks bigint not null,
    primary key (workspace_id, day, link_id)
);
create index tracking_click_day_link on tracking_click_day (workspace_id, link_id, day);

create function tracking_click_day_add() returns trigger
    language plpgsql as
$$
begin
    -- Sorted, so that two batches touching the same days lock their rows in the same order.
    insert into tracking_click_day (workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks)
    select workspace_id, (clicked_at at time zone 'UTC')::date, link_id, min(partner_id::text)::uuid,
           min(program_id::text)::uuid, count(*), count(paid_ad)
    from added_clicks
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (workspace_id, day, link_id) do update
        set clicks         = tracking_click_day.clicks + excluded.clicks,
            paid_ad_clicks = tracking_click_day.paid_ad_clicks + excluded.paid_ad_clicks;
    return null;
end;
$$;

create trigger tracking_click_day_on_insert
    after insert on tracking_click
    referencing new table as added_clicks
    for each statement
execute function tracking_click_day_add();

insert into tracking_click_day (workspace_id, day, link_id, partner_id, program_id, clicks, paid_ad_clicks)
select workspace_id, (clicked_at at time zone 'UTC')::date, link_id, min(partner_id::text)::uuid,
       min(program_id::text)::uuid, count(*), count(paid_ad)
from tracking_click
group by 1, 2, 3;

-- Applied conversions per day, partner (none: unattributed), programme, kind and currency. A refund still
-- waiting for its sale is not applied and not counted until it is.
create table tracking_conversion_day
(
    workspace_id   uuid           not null,
    day            date           not null,
    partner_id     uuid,
    program_id     uuid,
    kind           text           not null,
    currency       char(3),
    conversions    bigint         not null,
    first_payments bigint         not null,
    amount         numeric(19, 4) not null,
    constraint tracking_conversion_day_key
        unique nulls not distinct (workspace_id, day, partner_id, program_id, kind, currency)
);
create index tracking_conversion_day_workspace on tracking_conversion_day (workspace_id, day);

-- Adds (sign 1) or takes away (sign -1) a set of conversion rows.
create function tracking_conversion_day_apply(rows_changed jsonb, sign int) returns void
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
$$;

create function tracking_conversion_day_added() returns trigger
    language plpgsql as
$$
begin
    perform tracking_conversion_day_apply((select coalesce(jsonb_agg(n), '[]') from added n), 1);
    return null;
end;
$$;

create function tracking_conversion_day_changed() returns trigger
    language plpgsql as
$$
begin
    perform tracking_conversion_day_apply((select coalesce(jsonb_agg(o), '[]') from before_change o), -1);
    perform tracking_conversion_day_apply((select coalesce(jsonb_agg(n), '[]') from after_change n), 1);
    return null;
end;
$$;

create function tracking_conversion_day_removed() returns trigger
    language plpgsql as
$$
begin
    perform tracking_conversion_day_apply((select coalesce(jsonb_agg(o), '[]') from removed o), -1);
    return null;
end;
$$;

create trigger tracking_conversion_day_on_insert
    after insert on tracking_conversion
    referencing new table as added
    for each statement
execute function tracking_conversion_day_added();

create trigger tracking_conversion_day_on_update
    after update on tracking_conversion
    referencing old table as before_change new table as after_change
    for each statement
execute function tracking_conversion_day_changed();

create trigger tracking_conversion_day_on_delete
    after delete on tracking_conversion
    referencing old table as removed
    for each statement
execute function tracking_conversion_day_removed();

insert into tracking_conversion_day
    (workspace_id, day, partner_id, program_id, kind, currency, conversions, first_payments, amount)
select workspace_id, (occurred_at at time zone 'UTC')::date, partner_id, program_id, kind, currency,
       count(*), count(*) filter (where first_payment), coalesce(sum(amount), 0)
from tracking_conversion
where applied
group by 1, 2, 3, 4, 5, 6;
