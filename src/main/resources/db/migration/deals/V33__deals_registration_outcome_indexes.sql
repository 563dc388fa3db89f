-- Analytics sums registrations by the day they were approved and the day they closed.
create index deals_registration_decided on deals_registration (workspace_id, decided_at) where decided_at is not null;
create index deals_registration_closed on deals_registration (workspace_id, closed_at) where closed_at is not null;
