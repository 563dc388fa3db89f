-- What a line was paid to and under which tax identity, as they were: a payment file made again after the
-- partner changed its bank details still pays where the run was exported to, and a self-billed invoice keeps
-- the GSTIN and address its tax was worked out with. Rows of payouts_profile and payouts_tax_profile as
-- JSON, read back with jsonb_populate_record.
alter table payouts_line
    add column paid_to      jsonb,
    add column tax_identity jsonb;

-- Lines written before: the details as they are now, the best there is.
update payouts_line l set paid_to = to_jsonb(p)
from payouts_profile p, payouts_run r
where p.partner_id = l.partner_id and r.id = l.run_id and l.status = 'PAYABLE' and r.status in ('EXPORTED', 'PAID');

update payouts_line l set tax_identity = to_jsonb(t)
from payouts_tax_profile t
where t.partner_id = l.partner_id;
