-- Conversions per month, partner, programme, kind and currency, kept by the same statement trigger as the days
-- (ADR 19): a window's conversions per partner are its whole months less or plus its edge days, as clicks are
-- (tracking.internal.RollupWindow). Amounts in a currency other than the reporting one still need each day's rate:
-- they are read per day, by currency, through the index below, which only workspaces paid in several currencies use.
-- Conversions being stored by another node wait until this commits, then fire the new function: none is missed or
-- counted twice between the backfill below and the new trigger.
lock table tracking_conversion in share mode;

create table tracking_conversion_month
(
    workspace_id   uuid           not null,
    month          date           not null, -- its first day
    partner_id     uuid,
    program_id     uuid,
    kind           text           not null,
    currency       char(3),
    conversions    bigint         not null,
    first_payments bigint         not null,
    amount         numeric(19, 4) not null,
    constraint tracking_conversion_month_key
        unique nulls not distinct (workspace_id, month, partner_id, program_id, kind, currency)
);
create index tracking_conversion_month_window on tracking_conversion_month (workspace_id, month)
    include (partner_id, program_id, kind, currency, conversions, first_payments, amount);
create index tracking_conversion_day_currency on tracking_conversion_day (workspace_id, currency, day)
    include (partner_id, program_id, kind, amount) where currency is not null;

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
insert into tracking_conversion_month
    (workspace_id, month, partner_id, program_id, kind, currency, conversions, first_payments, amount)
select r.workspace_id, date_trunc('month', r.occurred_at at time zone 'UTC')::date, r.partner_id, r.program_id,
       r.kind, r.currency, sign * count(*), sign * count(*) filter (where r.first_payment),
       sign * coalesce(sum(r.amount), 0)
from jsonb_populate_recordset(null::tracking_conversion, rows_changed) r
where r.applied
group by 1, 2, 3, 4, 5, 6
order by 1, 2, 3, 4, 5, 6
on conflict on constraint tracking_conversion_month_key do update
    set conversions    = tracking_conversion_month.conversions + excluded.conversions,
        first_payments = tracking_conversion_month.first_payments + excluded.first_payments,
        amount         = tracking_conversion_month.amount + excluded.amount;
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

insert into tracking_conversion_month
    (workspace_id, month, partner_id, program_id, kind, currency, conversions, first_payments, amount)
select workspace_id, date_trunc('month', day)::date, partner_id, program_id, kind, currency, sum(conversions),
       sum(first_payments), sum(amount)
from tracking_conversion_day
group by 1, 2, 3, 4, 5, 6;
