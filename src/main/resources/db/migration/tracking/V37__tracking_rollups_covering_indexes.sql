-- The dashboards sum a window of days of the rollups per partner or per day: with every column they read in the
-- index, PostgreSQL answers from the index alone (an index-only scan) instead of visiting each row's page, which at
-- 10,000 partners halves the time of a 30-day funnel (bench/analytics).
create index tracking_click_day_window on tracking_click_day (workspace_id, day)
    include (partner_id, program_id, clicks, paid_ad_clicks);
drop index tracking_conversion_day_workspace;
create index tracking_conversion_day_window on tracking_conversion_day (workspace_id, day)
    include (partner_id, program_id, kind, currency, conversions, first_payments, amount);
