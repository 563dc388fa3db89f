-- Reimbursements (MDF) paid with a line: untaxed, so net = gross + gst - tds + reimbursed.
alter table payouts_line
    add column reimbursed     numeric(19, 4) not null default 0,
    add column reimbursements int            not null default 0;
