-- An import from a source's API first fetches its records (status FETCHING, processed counting what came), then runs.
alter table imports_run drop constraint imports_run_status_check;
alter table imports_run
    add constraint imports_run_status_check check (status in ('FETCHING', 'RUNNING', 'DONE', 'FAILED'));
alter table imports_run add column from_api boolean not null default false;
