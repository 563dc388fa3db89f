-- Customers' first payments and churns for the retention dashboards (ADR 19), kept like the click and conversion
-- rollups by statement triggers in the writing transaction: churn read every paying customer (134 ms at 1,000,000)
-- and the cohorts a year of them (206 ms, bench/analytics). A customer counts from its first payment; it churns at
-- its churn moment, never before that first payment (an out-of-order event can store a cancellation earlier).

-- Per UTC day: customers who first paid, and customers who had paid and churned.
create table tracking_customer_day
(
    workspace_id uuid   not null,
    day          date   not null,
    partner_id   uuid,
    program_id   uuid,
    started      bigint not null,
    churned      bigint not null,
    constraint tracking_customer_day_key unique nulls not distinct (workspace_id, day, partner_id, program_id)
);
create index tracking_customer_day_partner on tracking_customer_day (workspace_id, partner_id, day)
    include (program_id, started, churned);

-- The same without partners, for a scope of anyone's: a few rows a day.
create table tracking_customer_total_day
(
    workspace_id uuid    not null,
    day          date    not null,
    program_id   uuid,
    partnered    boolean not null,
    started      bigint  not null,
    churned      bigint  not null,
    constraint tracking_customer_total_day_key unique nulls not distinct (workspace_id, day, program_id, partnered)
);

-- Per month of first payment and month of churn (null: paying still): the cohort triangle.
create table tracking_customer_cohort
(
    workspace_id uuid   not null,
    month        date   not null,
    churned_in   date,
    partner_id   uuid,
    program_id   uuid,
    customers    bigint not null,
    constraint tracking_customer_cohort_key
        unique nulls not distinct (workspace_id, month, churned_in, partner_id, program_id)
);
create index tracking_customer_cohort_partner on tracking_customer_cohort (workspace_id, partner_id, month)
    include (churned_in, program_id, customers);

create table tracking_customer_total_cohort
(
    workspace_id uuid    not null,
    month        date    not null,
    churned_in   date,
    program_id   uuid,
    partnered    boolean not null,
    customers    bigint  not null,
    constraint tracking_customer_total_cohort_key
        unique nulls not distinct (workspace_id, month, churned_in, program_id, partnered)
);

-- Who churned in a window, and whether they were paying when it began.
create index tracking_customer_churned on tracking_customer (workspace_id, greatest(churned_at, first_sale_at))
    include (churned_at, first_sale_at, partner_id, program_id)
    where churned_at is not null and first_sale_at is not null;

-- The UTC days a set of customer rows started and churned on (paying customers only).
create function tracking_customer_moments(rows_changed jsonb)
    returns table
            (
                workspace_id uuid,
                partner_id   uuid,
                program_id   uuid,
                started_on   date,
                churned_on   date
            )
    language sql
    stable as
$$
select c.workspace_id, c.partner_id, c.program_id, (c.first_sale_at at time zone 'UTC')::date,
       case when c.churned_at is not null then (greatest(c.churned_at, c.first_sale_at) at time zone 'UTC')::date end
from jsonb_populate_recordset(null::tracking_customer, rows_changed) c
where c.first_sale_at is not null
$$;

-- Adds (sign 1) or takes away (sign -1) a set of customer rows; keys sorted so that writers lock in one order.
create function tracking_customer_rollups_apply(rows_changed jsonb, sign int) returns void
    language sql as
$$
insert into tracking_customer_day (workspace_id, day, partner_id, program_id, started, churned)
select m.workspace_id, d.day, m.partner_id, m.program_id, sign * count(*) filter (where d.start),
       sign * count(*) filter (where not d.start)
from tracking_customer_moments(rows_changed) m
         cross join lateral (values (m.started_on, true), (m.churned_on, false)) d (day, start)
where d.day is not null
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict on constraint tracking_customer_day_key do update
    set started = tracking_customer_day.started + excluded.started,
        churned = tracking_customer_day.churned + excluded.churned;
insert into tracking_customer_total_day (workspace_id, day, program_id, partnered, started, churned)
select m.workspace_id, d.day, m.program_id, m.partner_id is not null, sign * count(*) filter (where d.start),
       sign * count(*) filter (where not d.start)
from tracking_customer_moments(rows_changed) m
         cross join lateral (values (m.started_on, true), (m.churned_on, false)) d (day, start)
where d.day is not null
group by 1, 2, 3, 4
order by 1, 2, 3, 4
on conflict on constraint tracking_customer_total_day_key do update
    set started = tracking_customer_total_day.started + excluded.started,
        churned = tracking_customer_total_day.churned + excluded.churned;
insert into tracking_customer_cohort (workspace_id, month, churned_in, partner_id, program_id, customers)
select workspace_id, date_trunc('month', started_on)::date, date_trunc('month', churned_on)::date, partner_id,
       program_id, sign * count(*)
from tracking_customer_moments(rows_changed)
group by 1, 2, 3, 4, 5
order by 1, 2, 3, 4, 5
on conflict on constraint tracking_customer_cohort_key do update
    set customers = tracking_customer_cohort.customers + excluded.customers;
insert into tracking_customer_total_cohort (workspace_id, month, churned_in, program_id, partnered, customers)
select workspace_id, date_trunc('month', started_on)::date, date_trunc('month', churned_on)::date, program_id,
       partner_id is not null, sign * count(*)
from tracking_customer_moments(rows_changed)
group by 1, 2, 3, 4, 5
order by 1, 2, 3, 4, 5
on conflict on constraint tracking_customer_total_cohort_key do update
    set customers = tracking_customer_total_cohort.customers + excluded.customers;
$$;

create function tracking_customer_rollups_added() returns trigger
    language plpgsql as
$$
begin
    perform tracking_customer_rollups_apply((select coalesce(jsonb_agg(n), '[]') from added n), 1);
    return null;
end;
$$;

-- Most updates (a payment renewing a subscription, a contact's details) change nothing counted: only rows whose
-- first payment, churn, partner or programme moved are taken out and put back.
create function tracking_customer_rollups_changed() returns trigger
    language plpgsql as
$$
declare
    before_rows jsonb;
    after_rows  jsonb;
begin
    select coalesce(jsonb_agg(o), '[]'), coalesce(jsonb_agg(n), '[]')
    into before_rows, after_rows
    from before_change o
             join after_change n on n.id = o.id
    where (o.first_sale_at, o.churned_at, o.partner_id, o.program_id)
              is distinct from (n.first_sale_at, n.churned_at, n.partner_id, n.program_id);
    if before_rows <> '[]' then
        perform tracking_customer_rollups_apply(before_rows, -1);
        perform tracking_customer_rollups_apply(after_rows, 1);
    end if;
    return null;
end;
$$;

create function tracking_customer_rollups_removed() returns trigger
    language plpgsql as
$$
begin
    perform tracking_customer_rollups_apply((select coalesce(jsonb_agg(o), '[]') from removed o), -1);
    return null;
end;
$$;

create trigger tracking_customer_rollups_on_insert
    after insert on tracking_customer
    referencing new table as added
    for each statement
execute function tracking_customer_rollups_added();

create trigger tracking_customer_rollups_on_update
    after update on tracking_customer
    referencing old table as before_change new table as after_change
    for each statement
execute function tracking_customer_rollups_changed();

create trigger tracking_customer_rollups_on_delete
    after delete on tracking_customer
    referencing old table as removed
    for each statement
execute function tracking_customer_rollups_removed();

-- The customers already stored, in one pass each (a jsonb of a million rows would not fit).
create temporary table customer_moments on commit drop as
select workspace_id, partner_id, program_id, (first_sale_at at time zone 'UTC')::date as started_on,
       case when churned_at is not null then (greatest(churned_at, first_sale_at) at time zone 'UTC')::date end
           as churned_on
from tracking_customer
where first_sale_at is not null;

insert into tracking_customer_day (workspace_id, day, partner_id, program_id, started, churned)
select m.workspace_id, d.day, m.partner_id, m.program_id, count(*) filter (where d.start),
       count(*) filter (where not d.start)
from customer_moments m
         cross join lateral (values (m.started_on, true), (m.churned_on, false)) d (day, start)
where d.day is not null
group by 1, 2, 3, 4;

insert into tracking_customer_total_day (workspace_id, day, program_id, partnered, started, churned)
select workspace_id, day, program_id, partner_id is not null, sum(started), sum(churned)
from tracking_customer_day
group by 1, 2, 3, 4;

insert into tracking_customer_cohort (workspace_id, month, churned_in, partner_id, program_id, customers)
select workspace_id, date_trunc('month', started_on)::date, date_trunc('month', churned_on)::date, partner_id,
       program_id, count(*)
from customer_moments
group by 1, 2, 3, 4, 5;

insert into tracking_customer_total_cohort (workspace_id, month, churned_in, program_id, partnered, customers)
select workspace_id, month, churned_in, program_id, partner_id is not null, sum(customers)
from tracking_customer_cohort
group by 1, 2, 3, 4, 5;
