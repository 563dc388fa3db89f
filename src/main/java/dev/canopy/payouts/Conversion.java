package dev.canopy.payouts;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How a payout line is paid in the partner's own currency: its net converted at the rate locked when the line
 * was written (the latest on or before the run's last day), rounded once, half up, at the currency's minor unit.
 * Gross, tax and net stay in the currency earned, as the ledger does.
 */
public record Conversion(Money paid, BigDecimal rate, LocalDate rateOn) {

    public static Conversion of(Money net, ExchangeRate rate) {
        return new Conversion(
                net.in(Money.currency(rate.quote(), "currency"), rate.rate()), rate.rate(), rate.effectiveOn());
    }

    /** "1,000.00 EUR paid as 1,083.40 USD at 1.0834 (rate of 2026-10-31)". */
    public String describe(Money net) {
        return grouped(net) + " paid as " + grouped(paid) + " at "
                + rate.stripTrailingZeros().toPlainString() + " (rate of " + rateOn + ")";
    }

    private static String grouped(Money money) {
        return String.format(
                Locale.ENGLISH, "%,." + money.amount().scale() + "f %s", money.amount(), money.currencyCode());
    }
}
