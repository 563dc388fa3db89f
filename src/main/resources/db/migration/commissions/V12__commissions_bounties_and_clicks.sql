-- Two more kinds of source: a bounty staff grant by hand (it names the one rule it is for), and a partner's
-- valid clicks of one day in one programme (quantity is the number of clicks; a flat rule pays it times).
alter table commissions_source drop constraint commissions_source_kind_check;
alter table commissions_source
    add constraint commissions_source_kind_check
        check (kind in ('LEAD', 'SALE', 'REFUND', 'DEAL_WON', 'BOUNTY', 'CLICK')),
    add column rule_id  uuid references commissions_rule (id),
    add column quantity int not null default 1 check (quantity > 0),
    add constraint commissions_source_bounty_rule check ((kind = 'BOUNTY') = (rule_id is not null)),
    add constraint commissions_source_quantity check (kind = 'CLICK' or quantity = 1);

-- The days whose clicks were counted, per programme: a day is claimed once, by whichever node counts it
-- first, in the transaction that stores its click sources. A day claimed while the programme's click rules
-- were all off (clicks null: not counted) stays unpaid when one is switched on again.
create table commissions_click_day
(
    workspace_id uuid        not null references identity_workspace (id),
    program_id   uuid        not null references programs_program (id),
    day          date        not null,
    clicks       bigint,
    counted_at   timestamptz not null,
    primary key (workspace_id, program_id, day)
);
