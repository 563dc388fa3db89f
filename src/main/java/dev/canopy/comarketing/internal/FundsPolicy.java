package dev.canopy.comarketing.internal;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The MDF money rules, pure: what an accrual has earned, and whether a request or an approval fits. Every check runs
 * under the budget's lock, on sums read in the same transaction.
 */
public final class FundsPolicy {

    private FundsPolicy() {}

    /** {@code percent} of the revenue, never below zero (refunds exceeding sales) and never above the cap. */
    public static Money accrued(Money revenue, BigDecimal percent, Money cap) {
        Money earned = revenue.percent(percent);
        if (earned.isNegative()) {
            return Money.zero(cap.currency());
        }
        return earned.compareTo(cap) > 0 ? cap : earned;
    }

    /**
     * Why a partner may not ask for {@code amount} more (its allocation less what its requests already hold), or null
     * when it may.
     */
    public static @Nullable String overAllocation(Money allocated, Money held, Money amount) {
        Money left = allocated.minus(held);
        if (amount.compareTo(left) <= 0) {
            return null;
        }
        return left.amount().signum() <= 0
                ? "Nothing is left of this partner's " + allocated + " allocation"
                : "Only " + left + " is left of this partner's " + allocated + " allocation";
    }

    /** Why the budget cannot take {@code amount} more approved, or null when it can. */
    public static @Nullable String overBudget(Money budget, Money approved, Money amount) {
        Money left = budget.minus(approved);
        return amount.compareTo(left) <= 0 ? null : "Only " + left + " is left of the " + budget + " budget";
    }
}
