package dev.canopy.payouts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The next payout run a partner is told of is the first month's run that starts on or after today. */
class NextPayoutRunProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 3 * 366)
                .map(n -> LocalDate.of(2025, 1, 1).plusDays(n));
    }

    @Property
    void theFirstRunStartingOnOrAfterToday(@ForAll("days") LocalDate today, @ForAll @IntRange(max = 60) int netDays) {
        LocalDate next = PayoutSchedule.nextRunOn(today, netDays);
        assertThat(next).isAfterOrEqualTo(today);
        YearMonth month = YearMonth.from(next.minusDays(netDays)).minusMonths(1);
        assertThat(PayoutSchedule.dueOn(month, netDays)).as("a month's run day").isEqualTo(next);
        assertThat(PayoutSchedule.dueOn(month.minusMonths(1), netDays))
                .as("the month before's run has started already")
                .isBefore(today);
    }

    @Example
    void netFifteenPaysNovemberOnTheSixteenthOfDecember() {
        assertThat(PayoutSchedule.nextRunOn(LocalDate.parse("2026-12-06"), 15)).isEqualTo("2026-12-16");
        assertThat(PayoutSchedule.nextRunOn(LocalDate.parse("2026-12-16"), 15)).isEqualTo("2026-12-16");
        assertThat(PayoutSchedule.nextRunOn(LocalDate.parse("2026-12-17"), 15)).isEqualTo("2027-01-16");
        assertThat(PayoutSchedule.nextRunOn(LocalDate.parse("2027-01-31"), 0)).isEqualTo("2027-02-01");
    }
}
