-- Storing a click cost PostgreSQL about 9 µs of CPU, on the cores the redirect shares with it (ADR 35), and the
-- statement trigger's copy of every row into a transition table was a fifth of it. The click writer now adds each
-- batch to the rollups itself, from the clicks it holds, in the transaction that copies them (ClickRollups).
-- The index by link was read by no query any more (counts come from the rollups); the one query that reads raw clicks
-- by time, pricing a programme's clicks per day (ClickTable.dailyValid), scanned whole month partitions in parallel.
-- It gets the index it fits instead, which costs about as much to keep.
-- A node of an older version that stores clicks after this has run leaves them out of the rollups (never out of the
-- clicks, which price the commissions): stop older nodes before the first new one starts.
drop trigger tracking_click_day_on_insert on tracking_click;
drop function tracking_click_day_add();
create index tracking_click_program_idx on tracking_click (workspace_id, program_id, clicked_at);
drop index tracking_click_link_idx;
