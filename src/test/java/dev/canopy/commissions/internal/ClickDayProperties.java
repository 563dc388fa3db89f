package dev.canopy.commissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Which days the click job counts, over random moments, time zones (with their daylight saving
 * changes), graces, catch-up windows, rule dates and days counted before: never a day that has not
 * ended plus the grace, never one before the rule or counted already, and every other day of the window.
 */
class ClickDayProperties {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    record Case(Instant now, ZoneId zone, Duration grace, int catchUp, Instant since, Set<LocalDate> counted) {}

    @Property
    void onlyDaysThatEndedAGraceAgoAfterTheRuleAndNotCountedYet(@ForAll("cases") Case c) {
        List<LocalDate> open = ClickPricing.openDays(c.now(), c.zone(), c.grace(), c.catchUp(), c.since(), c.counted());
        LocalDate ruleDay = LocalDate.ofInstant(c.since(), c.zone());
        for (LocalDate day : open) {
            Instant ended = day.plusDays(1).atStartOfDay(c.zone()).toInstant();
            assertThat(ended.plus(c.grace())).as("%s complete", day).isBeforeOrEqualTo(c.now());
            assertThat(day).isAfterOrEqualTo(ruleDay).isNotIn(c.counted());
        }
        assertThat(open).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(c.catchUp());
    }

    @Property
    void everyCompleteDayOfTheWindowAfterTheRuleIsCountedOnce(@ForAll("cases") Case c) {
        List<LocalDate> open = ClickPricing.openDays(c.now(), c.zone(), c.grace(), c.catchUp(), c.since(), c.counted());
        LocalDate ruleDay = LocalDate.ofInstant(c.since(), c.zone());
        LocalDate latest = LocalDate.ofInstant(c.now(), c.zone());
        while (latest.plusDays(1)
                .atStartOfDay(c.zone())
                .toInstant()
                .plus(c.grace())
                .isAfter(c.now())) {
            latest = latest.minusDays(1);
        }
        for (LocalDate day = latest; day.isAfter(latest.minusDays(c.catchUp())); day = day.minusDays(1)) {
            boolean due = !day.isBefore(ruleDay) && !c.counted().contains(day);
            assertThat(open.contains(day)).as("%s open", day).isEqualTo(due);
        }
    }

    @Property
    void aDayCountedIsNeverOpenAgainHoweverLateTheJobRuns(
            @ForAll("cases") Case c, @ForAll @LongRange(min = 0, max = 20 * 24 * 60) long minutesLater) {
        List<LocalDate> open = ClickPricing.openDays(c.now(), c.zone(), c.grace(), c.catchUp(), c.since(), c.counted());
        Set<LocalDate> afterwards = new HashSet<>(c.counted());
        afterwards.addAll(open);
        List<LocalDate> later = ClickPricing.openDays(
                c.now().plus(Duration.ofMinutes(minutesLater)),
                c.zone(),
                c.grace(),
                c.catchUp(),
                c.since(),
                afterwards);
        assertThat(later).allSatisfy(day -> assertThat(day).isNotIn(open));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Instant> now = Arbitraries.longs()
                .between(0, Duration.ofDays(3 * 365).toMinutes())
                .map(m -> START.plus(Duration.ofMinutes(m)));
        Arbitrary<ZoneId> zone = Arbitraries.of(
                        "UTC",
                        "Asia/Kolkata",
                        "Europe/Berlin",
                        "America/New_York",
                        "America/St_Johns",
                        "Australia/Lord_Howe",
                        "Pacific/Kiritimati",
                        "Pacific/Pago_Pago",
                        "Asia/Kathmandu")
                .map(ZoneId::of);
        Arbitrary<Duration> grace = Arbitraries.integers().between(0, 180).map(Duration::ofMinutes);
        Arbitrary<Integer> catchUp = Arbitraries.integers().between(1, 14);
        Arbitrary<Long> sinceMinutesBefore = Arbitraries.longs().between(-3 * 24 * 60, 30 * 24 * 60);
        Arbitrary<Set<Integer>> countedDaysBefore =
                Arbitraries.integers().between(0, 20).set().ofMaxSize(10);
        return Combinators.combine(now, zone, grace, catchUp, sinceMinutesBefore, countedDaysBefore)
                .as((n, z, g, k, s, counted) -> new Case(
                        n,
                        z,
                        g,
                        k,
                        n.minus(Duration.ofMinutes(s)),
                        counted.stream()
                                .map(d -> LocalDate.ofInstant(n, z).minusDays(d))
                                .collect(Collectors.toSet())));
    }
}
