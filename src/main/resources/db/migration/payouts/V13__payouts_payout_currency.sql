-- A partner may be paid in a currency of its own (blank: in the currency it earned). A payout line for it
-- locks the exchange rate and its date when the line is written, with the net converted; gross, tax and net
-- stay in the currency earned, as the ledger does.
alter table payouts_profile
    add column payout_currency char(3) check (payout_currency ~ '^[A-Z]{3}$');

alter table payouts_line
    add column paid_currency char(3),
    add column paid_net      numeric(19, 4),
    add column fx_rate       numeric(20, 10),
    add column fx_on         date,
    add constraint payouts_line_converted check (
        (paid_currency is null and paid_net is null and fx_rate is null and fx_on is null)
        or (paid_currency <> currency and paid_net is not null and fx_rate > 0 and fx_on is not null));
