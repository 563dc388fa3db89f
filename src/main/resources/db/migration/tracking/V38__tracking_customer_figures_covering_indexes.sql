-- Retention reads every paying customer's first payment, churn, partner and programme, and each payment's customer
-- in a period: the indexes of V35 now carry those columns, so the dashboards read the indexes alone.
drop index tracking_customer_first_sale;
create index tracking_customer_first_sale on tracking_customer (workspace_id, first_sale_at)
    include (partner_id, program_id, churned_at) where first_sale_at is not null;
drop index tracking_conversion_occurred;
create index tracking_conversion_occurred on tracking_conversion (workspace_id, occurred_at)
    include (partner_id, program_id, customer_id, applied) where kind = 'SALE';
