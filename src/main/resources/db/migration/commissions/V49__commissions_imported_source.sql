-- Commission history brought from another PRM: its source is the other system's record, priced there.
alter table commissions_source drop constraint commissions_source_kind_check;
alter table commissions_source
    add constraint commissions_source_kind_check
        check (kind in ('LEAD', 'SALE', 'REFUND', 'DEAL_WON', 'BOUNTY', 'CLICK', 'IMPORTED'));
