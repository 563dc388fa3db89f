-- What the redirect answered without storing a click, counted per link and day (and month) beside the clicks, so
-- that the funnel can show every click, the unique ones and the share of bots (ADR 19). Counted in each node's
-- memory and added to these rows about once a second by the click writer (tracking.internal.VisitTally): a repeat
-- is a visitor's click on a link it clicked within the hour; a bot is a request that the bot filter refused.
alter table tracking_click_day
    add column repeats bigint not null default 0,
    add column bots    bigint not null default 0;
alter table tracking_click_month
    add column repeats bigint not null default 0,
    add column bots    bigint not null default 0;

-- The window indexes answer the dashboards alone (index-only scans, V37 and V39): they carry the new columns, and
-- no longer the paid-ad clicks, which no dashboard reads.
drop index tracking_click_day_window;
create index tracking_click_day_window on tracking_click_day (workspace_id, day)
    include (partner_id, program_id, clicks, repeats, bots);
drop index tracking_click_month_window;
create index tracking_click_month_window on tracking_click_month (workspace_id, month)
    include (partner_id, program_id, clicks, repeats, bots);
