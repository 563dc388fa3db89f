-- The customer's industry, as the partner names it: the content library recommends what was made for it.
alter table deals_registration add column industry text;
