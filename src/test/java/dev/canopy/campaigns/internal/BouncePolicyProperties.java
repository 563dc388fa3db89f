package dev.canopy.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The bounce stop for any counts and any rule: never before the minimum, exactly above the threshold, monotone. */
class BouncePolicyProperties {

    @Provide
    Arbitrary<BouncePolicy.Rule> rules() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("100"))
                .ofScale(2)
                .flatMap(percent -> Arbitraries.integers().between(1, 500).map(n -> new BouncePolicy.Rule(percent, n)));
    }

    @Property
    void neverStopsBeforeTheMinimumIsSent(
            @ForAll @IntRange(max = 10_000) int sent,
            @ForAll @IntRange(max = 10_000) int bounced,
            @ForAll("rules") BouncePolicy.Rule rule) {
        if (sent < rule.minimumSent()) {
            assertThat(BouncePolicy.judge(sent, Math.min(bounced, sent), rule).stop())
                    .isFalse();
        }
    }

    @Property
    void stopsExactlyWhenTheRatePassesTheThreshold(
            @ForAll @IntRange(min = 1, max = 10_000) int sent,
            @ForAll @IntRange(max = 10_000) int bounced,
            @ForAll("rules") BouncePolicy.Rule rule) {
        int b = Math.min(bounced, sent);
        boolean above = new BigDecimal(b)
                        .divide(new BigDecimal(sent), 20, java.math.RoundingMode.HALF_UP)
                        .multiply(new BigDecimal(100))
                        .compareTo(rule.thresholdPercent())
                > 0;
        // Exactly at a threshold the division above may round; the policy compares in integers and never does.
        boolean exact =
                new BigDecimal(b * 100L).compareTo(rule.thresholdPercent().multiply(new BigDecimal(sent))) == 0;
        BouncePolicy.Verdict verdict = BouncePolicy.judge(sent, b, rule);
        assertThat(verdict.stop()).isEqualTo(sent >= rule.minimumSent() && above && !exact);
        assertThat(verdict.reason()).isNotBlank();
    }

    @Property
    void oneMoreBounceNeverResumesAStoppedCampaign(
            @ForAll @IntRange(min = 1, max = 5_000) int sent,
            @ForAll @IntRange(max = 5_000) int bounced,
            @ForAll("rules") BouncePolicy.Rule rule) {
        int b = Math.min(bounced, sent - 1);
        if (BouncePolicy.judge(sent, b, rule).stop()) {
            assertThat(BouncePolicy.judge(sent, b + 1, rule).stop()).isTrue();
        }
    }

    @Example
    void theDefaultStopsAtTwoOfTwentyButNotAtOne() {
        assertThat(BouncePolicy.judge(20, 1, BouncePolicy.Rule.DEFAULT).stop())
                .as("5 % exactly")
                .isFalse();
        assertThat(BouncePolicy.judge(20, 2, BouncePolicy.Rule.DEFAULT).stop()).isTrue();
        assertThat(BouncePolicy.judge(19, 19, BouncePolicy.Rule.DEFAULT).stop())
                .as("too early")
                .isFalse();
        assertThat(BouncePolicy.judge(20, 2, BouncePolicy.Rule.DEFAULT).reason())
                .contains("2 of 20", "5 %");
    }
}
