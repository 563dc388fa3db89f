package dev.canopy.comarketing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * The MDF money rules over random amounts: an accrual stays between zero and its cap and grows with revenue; asks
 * let through one after another by the two checks never add up to more than the allocation or the budget.
 */
class FundsPolicyKeepsWithinTheAllocation {

    @Property(tries = 1000)
    void anAccrualStaysBetweenZeroAndItsCapAndGrowsWithRevenue(
            @ForAll @BigRange(min = "-100000", max = "1000000") BigDecimal revenue,
            @ForAll @BigRange(min = "0", max = "50000") BigDecimal more,
            @ForAll @BigRange(min = "0.0001", max = "100") @Scale(4) BigDecimal percent,
            @ForAll @BigRange(min = "0.01", max = "100000") BigDecimal cap) {
        Money capped = Money.of(cap, "EUR");
        Money earned = FundsPolicy.accrued(Money.of(revenue, "EUR"), percent, capped);
        Money later = FundsPolicy.accrued(Money.of(revenue.add(more), "EUR"), percent, capped);
        assertThat(earned.isNegative()).isFalse();
        assertThat(earned.compareTo(capped)).isLessThanOrEqualTo(0);
        assertThat(later.compareTo(earned)).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 1000)
    void asksLetThroughNeverExceedTheAllocationOrTheBudget(
            @ForAll @IntRange(min = 1, max = 1_000_000) int allocationCents,
            @ForAll @IntRange(min = 1, max = 1_000_000) int budgetCents,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 300_000) Integer> askCents) {
        Money allocation = cents(allocationCents);
        Money budget = cents(budgetCents);
        Money held = cents(0);
        for (int ask : askCents) {
            Money amount = cents(ask);
            boolean fits = FundsPolicy.overAllocation(allocation, held, amount) == null
                    && FundsPolicy.overBudget(budget, held, amount) == null;
            if (fits) {
                held = held.plus(amount);
            }
            assertThat(held.compareTo(allocation)).isLessThanOrEqualTo(0);
            assertThat(held.compareTo(budget)).isLessThanOrEqualTo(0);
        }
    }

    private static Money cents(int cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), "EUR");
    }
}
