-- Who started a run, as a kind of actor: a person starting a run above the approval threshold is its first
-- approver, an API key or the schedule is not.
alter table payouts_run add column created_by_kind text;
update payouts_run set created_by_kind = case when created_by_id = 'system' then 'SYSTEM' else 'USER' end;
alter table payouts_run alter column created_by_kind set not null,
    add constraint payouts_run_created_by_kind check (created_by_kind in ('USER', 'API_KEY', 'SYSTEM'));
