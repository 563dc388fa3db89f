-- How many valid clicks of each partner's day have been paid: a click stored after its day was priced (a node's
-- queue held it while PostgreSQL was away) is paid on the next run as a top-up, the difference only, once.
create table commissions_click_paid
(
    workspace_id uuid   not null references identity_workspace (id),
    program_id   uuid   not null references programs_program (id),
    partner_id   uuid   not null references partners_partner (id),
    day          date   not null,
    clicks       bigint not null check (clicks > 0),
    primary key (workspace_id, program_id, partner_id, day)
);

-- What was paid so far: each click source is one partner's day, at noon of the workspace's zone.
insert into commissions_click_paid (workspace_id, program_id, partner_id, day, clicks)
select s.workspace_id, s.program_id, s.partner_id, (s.occurred_at at time zone w.timezone)::date, sum(s.quantity)
from commissions_source s
         join identity_workspace w on w.id = s.workspace_id
where s.kind = 'CLICK'
group by 1, 2, 3, 4;
