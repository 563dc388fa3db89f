-- Analytics: customers by their first payment (cohorts, churn) and a workspace's payments by day (paying accounts).
create index tracking_customer_first_sale on tracking_customer (workspace_id, first_sale_at) where first_sale_at is not null;
create index tracking_conversion_occurred on tracking_conversion (workspace_id, occurred_at) where kind = 'SALE';
