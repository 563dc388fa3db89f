package dev.canopy.payouts.web;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.Commissions.StatusTotal;
import dev.canopy.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partner's earnings in one currency, as the portal sums them: pending (in their hold or held for review),
 * approved (waiting for or in a payout) and paid. Declined, reversed and recorded margins are never paid, so
 * they count in none.
 */
record EarningsTotals(String currency, Money pending, Money approved, Money paid) {

    static List<EarningsTotals> of(List<StatusTotal> totals) {
        Map<String, EarningsTotals> byCurrency = new TreeMap<>();
        for (StatusTotal t : totals) {
            Money zero = Money.zero(t.amount().currency());
            EarningsTotals sum = byCurrency.getOrDefault(
                    t.amount().currencyCode(), new EarningsTotals(t.amount().currencyCode(), zero, zero, zero));
            byCurrency.put(t.amount().currencyCode(), sum.plus(t.status(), t.amount()));
        }
        return new ArrayList<>(byCurrency.values());
    }

    private EarningsTotals plus(CommissionStatus status, Money amount) {
        return switch (status) {
            case PENDING, HELD -> new EarningsTotals(currency, pending.plus(amount), approved, paid);
            case APPROVED, IN_PAYOUT -> new EarningsTotals(currency, pending, approved.plus(amount), paid);
            case PAID -> new EarningsTotals(currency, pending, approved, paid.plus(amount));
            case DECLINED, REVERSED, RECORDED -> this;
        };
    }
}
