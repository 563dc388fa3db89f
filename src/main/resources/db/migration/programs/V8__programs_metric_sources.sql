-- Tier metrics by source: each module that measures partners (deals, tracking, …) keeps its own absolute
-- reading of a metric, and a partner's metric is the sum over sources. Readings from before are the
-- 'reported' source (set by hand, the API or the demo).
alter table programs_partner_metric add column source text not null default 'reported';
alter table programs_partner_metric drop constraint programs_partner_metric_pkey;
alter table programs_partner_metric add primary key (workspace_id, partner_id, metric, unit, source);
