-- The customer's country (ISO 3166-1 alpha-2), for commission rules by country: the first one its events
-- reported. Each conversion keeps the country its customer had when it was recorded (a refund its sale's),
-- so a customer that learns its country later does not change what earlier conversions were earned under.
alter table tracking_customer
    add column country char(2) check (country ~ '^[A-Z]{2}$');
alter table tracking_conversion
    add column country char(2) check (country ~ '^[A-Z]{2}$');
