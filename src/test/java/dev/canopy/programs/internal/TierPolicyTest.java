package dev.canopy.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.programs.TierMetric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private static final Duration GRACE = Duration.ofDays(90);
    private static final Instant DAY_0 = Instant.parse("2026-01-01T02:30:00Z");

    private final TierPolicy.Rule registered = new TierPolicy.Rule(UUID.randomUUID(), 0, "Registered", Map.of());
    private final TierPolicy.Rule silver =
            new TierPolicy.Rule(UUID.randomUUID(), 1, "Silver", Map.of(TierMetric.DEALS_WON, BigDecimal.valueOf(2)));
    private final TierPolicy.Rule gold = new TierPolicy.Rule(
            UUID.randomUUID(),
            2,
            "Gold",
            Map.of(
                    TierMetric.DEALS_WON,
                    BigDecimal.valueOf(5),
                    TierMetric.PARTNER_SOURCED_REVENUE_12M,
                    new BigDecimal("50000.00")));
    private final List<TierPolicy.Rule> ladder = List.of(registered, silver, gold);

    private static Map<TierMetric, BigDecimal> deals(int won, String revenue) {
        return Map.of(
                TierMetric.DEALS_WON,
                BigDecimal.valueOf(won),
                TierMetric.PARTNER_SOURCED_REVENUE_12M,
                new BigDecimal(revenue));
    }

    @Test
    void everyThresholdOfATierMustBeMet() {
        assertThat(TierPolicy.qualifiedFor(ladder, deals(9, "49999.99"), Set.of()))
                .contains(silver);
        assertThat(TierPolicy.qualifiedFor(ladder, deals(5, "50000"), Set.of())).contains(gold);
        assertThat(TierPolicy.qualifiedFor(ladder, Map.of(), Set.of())).contains(registered);
    }

    @Test
    void promotionIsImmediateAndSkipsTiers() {
        var outcome = TierPolicy.evaluate(
                ladder, new TierPolicy.Standing(registered.tierId(), null), deals(6, "60000"), Set.of(), DAY_0, GRACE);
        assertThat(outcome.standing()).isEqualTo(new TierPolicy.Standing(gold.tierId(), null));
        assertThat(outcome.move()).hasValueSatisfying(m -> {
            assertThat(m.from()).isEqualTo(registered);
            assertThat(m.to()).isEqualTo(gold);
            assertThat(m.up()).isTrue();
            assertThat(m.reason()).contains("Gold");
        });
    }

    @Test
    void demotionWaitsForTheGracePeriodAndGoesToTheTierQualifiedForThen() {
        var standing = new TierPolicy.Standing(gold.tierId(), null);
        var first = TierPolicy.evaluate(ladder, standing, deals(3, "0"), Set.of(), DAY_0, GRACE);
        assertThat(first.move()).isEmpty();
        assertThat(first.standing()).isEqualTo(new TierPolicy.Standing(gold.tierId(), DAY_0));

        var day89 = TierPolicy.evaluate(
                ladder, first.standing(), deals(0, "0"), Set.of(), DAY_0.plus(Duration.ofDays(89)), GRACE);
        assertThat(day89.move()).isEmpty();
        assertThat(day89.standing().belowSince()).isEqualTo(DAY_0);

        var day90 = TierPolicy.evaluate(ladder, day89.standing(), deals(3, "0"), Set.of(), DAY_0.plus(GRACE), GRACE);
        assertThat(day90.standing()).isEqualTo(new TierPolicy.Standing(silver.tierId(), null));
        assertThat(day90.move()).hasValueSatisfying(m -> {
            assertThat(m.up()).isFalse();
            assertThat(m.reason()).contains("grace");
        });
    }

    @Test
    void recoveringInsideTheGracePeriodStartsTheClockAgain() {
        var below = TierPolicy.evaluate(
                ladder, new TierPolicy.Standing(gold.tierId(), null), deals(3, "0"), Set.of(), DAY_0, GRACE);
        var recovered = TierPolicy.evaluate(
                ladder, below.standing(), deals(5, "50000"), Set.of(), DAY_0.plus(Duration.ofDays(60)), GRACE);
        assertThat(recovered.standing()).isEqualTo(new TierPolicy.Standing(gold.tierId(), null));
        var belowAgain = TierPolicy.evaluate(
                ladder, recovered.standing(), deals(3, "0"), Set.of(), DAY_0.plus(Duration.ofDays(100)), GRACE);
        assertThat(belowAgain.move()).isEmpty();
        assertThat(belowAgain.standing().belowSince()).isEqualTo(DAY_0.plus(Duration.ofDays(100)));
    }

    @Test
    void aTierThatNoLongerExistsIsLeftForTheOneQualifiedFor() {
        var outcome = TierPolicy.evaluate(
                ladder, new TierPolicy.Standing(UUID.randomUUID(), DAY_0), deals(2, "0"), Set.of(), DAY_0, GRACE);
        assertThat(outcome.standing()).isEqualTo(new TierPolicy.Standing(silver.tierId(), null));
    }
}
