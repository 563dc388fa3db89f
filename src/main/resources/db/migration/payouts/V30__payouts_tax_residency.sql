-- Withholding follows where payer and payee reside, not the payout currency. The vendor says where it is tax
-- resident (null: not said, and lines say so); a workspace chooses what happens to an Indian partner without a
-- PAN once TDS is due: withheld at 20 % (s.206AA, the default) or its payout held until it gives one.
alter table payouts_settings
    add column tax_country  char(2),
    add column without_pan  text not null default 'WITHHOLD_20' check (without_pan in ('WITHHOLD_20', 'HOLD'));

-- Workspaces that have already withheld TDS or added GST on a line paid as an Indian payer.
update payouts_settings s set tax_country = 'IN'
where s.gstin is not null
   or exists (select 1 from payouts_line l where l.workspace_id = s.workspace_id and (l.tds > 0 or l.gst > 0));

-- TDS counts in the Indian financial year (from 1 April) a commission was credited in: each payable line keeps,
-- per year, the commission it counted towards the s.194H threshold and the TDS it withheld, both in rupees.
create table payouts_line_tds
(
    line_id      uuid           not null references payouts_line (id),
    workspace_id uuid           not null references identity_workspace (id),
    partner_id   uuid           not null references partners_partner (id),
    fy_start     date           not null check (extract(month from fy_start) = 4 and extract(day from fy_start) = 1),
    base_inr     numeric(19, 4) not null,
    tds_inr      numeric(19, 4) not null check (tds_inr >= 0),
    primary key (line_id, fy_start)
);
create index payouts_line_tds_partner on payouts_line_tds (workspace_id, partner_id, fy_start);

-- Lines written before: their INR gross counted in the year of their run, as it was worked out then.
insert into payouts_line_tds (line_id, workspace_id, partner_id, fy_start, base_inr, tds_inr)
select l.id, l.workspace_id, l.partner_id,
       make_date(extract(year from (r.created_at at time zone 'Asia/Kolkata') - interval '3 months')::int, 4, 1),
       l.gross, l.tds
from payouts_line l
join payouts_run r on r.id = l.run_id
where l.status = 'PAYABLE' and l.currency = 'INR'
  and exists (select 1 from unnest(l.tax_notes) n where n like '%TDS%');
