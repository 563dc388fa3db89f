-- A ONCE rule pays a customer's first payment only: pricing a sale looks for the customer's earlier
-- commissions under the rule. A customer has few sources, so the look-up goes customer → sources →
-- their commissions (commissions_by_source) instead of reading every commission of the rule.
create index commissions_source_by_customer on commissions_source (customer_id) where customer_id is not null;
