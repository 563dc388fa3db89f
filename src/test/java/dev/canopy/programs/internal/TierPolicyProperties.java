package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.programs.TierMetric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Tier evaluation over random ladders and random metric histories (evaluations days apart): promotion
 * is monotonic in the metrics, nobody is demoted inside the grace period, and nobody stays above the
 * tier it qualifies for once the grace period has passed.
 */
class TierPolicyProperties {

    private static final Instant START = Instant.parse("2026-01-01T02:30:00Z");

    /** One evaluation: days after the previous one, and the metrics then. */
    record Step(int days, Map<TierMetric, BigDecimal> metrics) {}

    @Property
    void moreOfEveryMetricNeverQualifiesForALowerTier(
            @ForAll("ladders") List<TierPolicy.Rule> ladder,
            @ForAll("metrics") Map<TierMetric, BigDecimal> metrics,
            @ForAll("metrics") Map<TierMetric, BigDecimal> more) {
        Map<TierMetric, BigDecimal> higher = new EnumMap<>(TierMetric.class);
        for (TierMetric metric : TierMetric.values()) {
            higher.put(
                    metric,
                    metrics.getOrDefault(metric, BigDecimal.ZERO).add(more.getOrDefault(metric, BigDecimal.ZERO)));
        }
        assertThat(rank(TierPolicy.qualifiedFor(ladder, higher, Set.of()).orElse(null)))
                .isGreaterThanOrEqualTo(
                        rank(TierPolicy.qualifiedFor(ladder, metrics, Set.of()).orElse(null)));
    }

    @Property
    void fromTheSameStandingMoreMetricsNeverEndInALowerTier(
            @ForAll("ladders") List<TierPolicy.Rule> ladder,
            @ForAll("metrics") Map<TierMetric, BigDecimal> metrics,
            @ForAll("metrics") Map<TierMetric, BigDecimal> more,
            @ForAll @IntRange(min = -1, max = 4) int currentRank,
            @ForAll @IntRange(min = 0, max = 200) int daysBelow,
            @ForAll @IntRange(min = 0, max = 120) int graceDays) {
        Map<TierMetric, BigDecimal> higher = new EnumMap<>(TierMetric.class);
        for (TierMetric metric : TierMetric.values()) {
            higher.put(
                    metric,
                    metrics.getOrDefault(metric, BigDecimal.ZERO).add(more.getOrDefault(metric, BigDecimal.ZERO)));
        }
        UUID current = currentRank < 0 || currentRank >= ladder.size()
                ? null
                : ladder.get(currentRank).tierId();
        TierPolicy.Standing standing =
                new TierPolicy.Standing(current, current == null ? null : START.minus(Duration.ofDays(daysBelow)));
        Duration grace = Duration.ofDays(graceDays);
        TierPolicy.Outcome less = TierPolicy.evaluate(ladder, standing, metrics, Set.of(), START, grace);
        TierPolicy.Outcome most = TierPolicy.evaluate(ladder, standing, higher, Set.of(), START, grace);
        assertThat(rank(ladder, most.standing())).isGreaterThanOrEqualTo(rank(ladder, less.standing()));
    }

    @Property
    void nobodyIsDemotedInsideTheGracePeriod(
            @ForAll("ladders") List<TierPolicy.Rule> ladder,
            @ForAll("histories") List<Step> history,
            @ForAll @IntRange(min = 0, max = 120) int graceDays) {
        Duration grace = Duration.ofDays(graceDays);
        TierPolicy.Standing standing = new TierPolicy.Standing(null, null);
        Instant now = START;
        Instant belowSince = null;
        for (Step step : history) {
            now = now.plus(Duration.ofDays(step.days()));
            int before = rank(ladder, standing);
            boolean below = rank(TierPolicy.qualifiedFor(ladder, step.metrics(), Set.of())
                            .orElse(null))
                    < before;
            belowSince = below ? (belowSince == null ? now : belowSince) : null;
            TierPolicy.Outcome outcome = TierPolicy.evaluate(ladder, standing, step.metrics(), Set.of(), now, grace);
            if (rank(ladder, outcome.standing()) < before) {
                assertThat(belowSince).isNotNull();
                assertThat(now).as("demoted at").isAfterOrEqualTo(belowSince.plus(grace));
                belowSince = null;
            }
            standing = outcome.standing();
        }
    }

    @Property
    void onceTheGracePeriodHasPassedNobodyStaysAboveTheTierItQualifiesFor(
            @ForAll("ladders") List<TierPolicy.Rule> ladder,
            @ForAll("histories") List<Step> history,
            @ForAll @IntRange(min = 0, max = 120) int graceDays) {
        Duration grace = Duration.ofDays(graceDays);
        TierPolicy.Standing standing = new TierPolicy.Standing(null, null);
        Instant now = START;
        Instant belowSince = null;
        for (Step step : history) {
            now = now.plus(Duration.ofDays(step.days()));
            int qualified = rank(
                    TierPolicy.qualifiedFor(ladder, step.metrics(), Set.of()).orElse(null));
            boolean below = qualified < rank(ladder, standing);
            belowSince = below ? (belowSince == null ? now : belowSince) : null;
            standing = TierPolicy.evaluate(ladder, standing, step.metrics(), Set.of(), now, grace)
                    .standing();
            if (belowSince != null && !now.isBefore(belowSince.plus(grace))) {
                assertThat(rank(ladder, standing)).isEqualTo(qualified);
                belowSince = null;
            }
            assertThat(rank(ladder, standing))
                    .as("never below what it qualifies for")
                    .isGreaterThanOrEqualTo(qualified);
        }
    }

    @Provide
    Arbitrary<List<TierPolicy.Rule>> ladders() {
        return thresholds()
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(rules -> IntStream.range(0, rules.size())
                        .mapToObj(i -> new TierPolicy.Rule(
                                UUID.nameUUIDFromBytes(("tier-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                i,
                                "Tier " + i,
                                rules.get(i)))
                        .toList());
    }

    @Provide
    Arbitrary<Map<TierMetric, BigDecimal>> metrics() {
        return Arbitraries.maps(
                        Arbitraries.of(TierMetric.class),
                        Arbitraries.integers().between(0, 120).map(BigDecimal::valueOf))
                .ofMaxSize(TierMetric.values().length);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 45), metrics())
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    private static Arbitrary<Map<TierMetric, BigDecimal>> thresholds() {
        return Arbitraries.maps(
                        Arbitraries.of(TierMetric.class),
                        Arbitraries.integers().between(0, 100).map(BigDecimal::valueOf))
                .ofMaxSize(TierMetric.values().length);
    }

    private static int rank(TierPolicy.Rule rule) {
        return TierPolicy.rank(rule);
    }

    private static int rank(List<TierPolicy.Rule> ladder, TierPolicy.Standing standing) {
        return ladder.stream()
                .filter(r -> r.tierId().equals(standing.tierId()))
                .mapToInt(TierPolicy.Rule::rank)
                .findFirst()
                .orElse(-1);
    }
}
