-- Analytics sums a workspace's commissions by the day they were made.
create index commissions_by_created on commissions_commission (workspace_id, created_at);
