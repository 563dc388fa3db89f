-- A run that found nothing to pay is closed at once ("Nothing to pay") instead of staying open and blocking
-- every later run until someone approved, exported and marked it paid. A scheduled month with nothing to
-- pay keeps its row, so the schedule does not try the month again.
alter table payouts_run drop constraint payouts_run_status_check;
alter table payouts_run
    add constraint payouts_run_status_check
        check (status in ('CLAIMING', 'AWAITING_APPROVAL', 'APPROVED', 'EXPORTED', 'PAID', 'NOTHING_TO_PAY'));
drop index payouts_run_one_open;
create unique index payouts_run_one_open on payouts_run (workspace_id) where status not in ('PAID', 'NOTHING_TO_PAY');
