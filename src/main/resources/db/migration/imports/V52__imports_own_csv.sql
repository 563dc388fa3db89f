-- The vendor's own CSV of customers or deals: uploaded, then its columns matched to Canopy's (status MAPPING), then run.
alter table imports_run drop constraint imports_run_status_check;
alter table imports_run
    add constraint imports_run_status_check check (status in ('MAPPING', 'FETCHING', 'RUNNING', 'DONE', 'FAILED'));
alter table imports_file drop constraint imports_file_kind_check;
alter table imports_file
    add constraint imports_file_kind_check check (kind in ('PARTNERS', 'LINKS', 'CUSTOMERS', 'DEALS', 'COMMISSIONS'));
