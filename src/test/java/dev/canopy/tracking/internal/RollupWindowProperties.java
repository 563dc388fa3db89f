package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whole months less and plus the edge days always sum to exactly the window's days. */
class RollupWindowProperties {

    private static final LocalDate EPOCH = LocalDate.parse("2026-01-01");

    @Property(tries = 500)
    void monthsAndEdgesSumToTheWindow(
            @ForAll @IntRange(min = 0, max = 800) int start,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @IntRange(min = 0, max = 900) int todayOffset,
            @ForAll("clicks") Map<Integer, Integer> clicksByDay) {
        LocalDate from = EPOCH.plusDays(start);
        LocalDate to = from.plusDays(length);
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        clicksByDay.forEach((offset, n) -> days.merge(EPOCH.plusDays(offset), (long) n, Long::sum));

        RollupWindow window = RollupWindow.of(from, to, EPOCH.plusDays(todayOffset));

        long sum = 0;
        for (LocalDate month : window.months()) {
            sum += between(days, month, month.plusMonths(1));
        }
        for (RollupWindow.Days d : window.added()) {
            sum += between(days, d.from(), d.to());
        }
        for (RollupWindow.Days d : window.taken()) {
            sum -= between(days, d.from(), d.to());
        }
        assertThat(sum).isEqualTo(between(days, from, to));
    }

    @Example
    void aThirtyDayWindowEndingTodayReadsTheCurrentMonthWholeAndTakesAwayTheStartOfTheFirst() {
        RollupWindow window = RollupWindow.of(
                LocalDate.parse("2026-11-06"), LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-05"));

        assertThat(window.months()).containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));
        assertThat(window.taken())
                .containsExactly(
                        new RollupWindow.Days(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-06")),
                        new RollupWindow.Days(LocalDate.parse("2026-12-06"), LocalDate.parse("2027-01-01")));
        assertThat(window.added()).isEmpty();
    }

    @Example
    void aFewDaysInsideAMonthAreReadAsDays() {
        RollupWindow window = RollupWindow.of(
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-13"), LocalDate.parse("2026-12-05"));

        assertThat(window.months()).isEmpty();
        assertThat(window.added())
                .containsExactly(new RollupWindow.Days(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-13")));
    }

    @Provide
    Arbitrary<Map<Integer, Integer>> clicks() {
        return Arbitraries.maps(
                        Arbitraries.integers().between(0, 1300),
                        Arbitraries.integers().between(1, 50))
                .ofMaxSize(200);
    }

    private static long between(TreeMap<LocalDate, Long> days, LocalDate from, LocalDate to) {
        return days.subMap(from, true, to, false).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
