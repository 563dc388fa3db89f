-- Storing a click is the one write on the redirect's cores, and the B-tree by workspace, programme and time was a
-- quarter of what PostgreSQL spent on it (1.8 of 7.2 µs per click, ADR 39). Its one reader prices a programme's
-- clicks per day (ClickTable.dailyValid), which reads each matching click's row anyway (its visitor, link and user
-- agent): clicks are stored in the order they happen, so a block-range index by time finds the same day's pages
-- for almost nothing per click. It reads the other workspaces' clicks of those days too, which a single vendor's
-- installation does not have. Ranges are summarised by autovacuum as they fill; a range not yet summarised is read.
create index tracking_click_at_brin on tracking_click using brin (clicked_at) with (autosummarize = on);
drop index tracking_click_program_idx;
