package dev.canopy.commissions;

import dev.canopy.commissions.Commissions.StatusTotal;
import dev.canopy.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partner's earnings in one currency, as the portal sums them: pending (in their hold or held for review),
 * approved (waiting for or in a payout) and paid. Declined, reversed and recorded margins are never paid, so
 * they count in none. The earnings page and the portal's home show these.
 */
public record Earnings(String currency, Money pending, Money approved, Money paid) {

    public static List<Earnings> of(List<StatusTotal> totals) {
        Map<String, Earnings> byCurrency = new TreeMap<>();
        for (StatusTotal t : totals) {
            Money zero = Money.zero(t.amount().currency());
            Earnings sum = byCurrency.getOrDefault(
                    t.amount().currencyCode(), new Earnings(t.amount().currencyCode(), zero, zero, zero));
            byCurrency.put(t.amount().currencyCode(), sum.plus(t.status(), t.amount()));
        }
        return new ArrayList<>(byCurrency.values());
    }

    private Earnings plus(CommissionStatus status, Money amount) {
        return switch (status) {
            case PENDING, HELD -> new Earnings(currency, pending.plus(amount), approved, paid);
            case APPROVED, IN_PAYOUT -> new Earnings(currency, pending, approved.plus(amount), paid);
            case PAID -> new Earnings(currency, pending, approved, paid.plus(amount));
            case DECLINED, REVERSED, RECORDED -> this;
        };
    }
}
