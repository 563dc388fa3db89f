-- A visitor's clicks are looked up by equality only (first-click attribution, ClickTable.firstOfVisitor), and
-- visitors are hashes: a B-tree over them took every new click to a random leaf of an index that was the
-- largest of the table's (674 MB at 6.3 million clicks in a month, against 106 MB for the link index), more
-- than half of what storing a click cost once it no longer fit in memory. A hash index keeps 4-byte codes:
-- 203 MB for the same clicks, and a batch of clicks stored in 0.57 of the time (ADR 20).
create index tracking_click_visitor_hash on tracking_click using hash (visitor);
drop index tracking_click_visitor_idx;
