package dev.canopy.payouts;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.shared.Money;
import java.time.LocalDate;

/**
 * One payout line paid to a partner: its amount as paid and, in the report's currency, as converted at {@code rate}
 * (null when paid in that currency); {@code converted} is null when no rate was recorded on or before the day.
 */
public record Form1099Payment(String reference, LocalDate paidOn, Money amount, Money converted, ExchangeRate rate) {

    public boolean isConverted() {
        return converted != null;
    }

    /** "EUR 500.00 paid 2026-03-04 (PR-0003-0001)". */
    public String describe() {
        return amount.currencyCode() + " " + amount.amount().toPlainString() + " paid " + paidOn + " (" + reference
                + ")";
    }
}
