-- A partner's registrations by when they were submitted: its first one (activation) is one index probe, where a
-- year's activation at 10,000 partners summed every registration of thousands of partners (877 ms, bench/analytics),
-- and a partner's own list in the portal reads only its rows.
create index deals_registration_partner on deals_registration (workspace_id, partner_id, submitted_at);
