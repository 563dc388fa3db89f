-- Claiming at volume (bench/webhooks): deliveries that may go in any order are found by when they are due, without
-- walking past the ordered ones; of an endpoint's ordered deliveries only the oldest pending one is looked at.
drop index webhooks_delivery_due;
create index webhooks_delivery_due on webhooks_delivery (next_attempt_at) where status = 'pending' and not ordered;
create index webhooks_delivery_ordered_head on webhooks_delivery (endpoint_id, id) where status = 'pending' and ordered;
