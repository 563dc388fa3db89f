package dev.canopy.campaigns.internal;

import java.math.BigDecimal;

/**
 * When a campaign stops for its bounces: once at least {@code minimumSent} messages were sent and more than
 * {@code thresholdPercent} of them bounced. Below the minimum a few early bounces say little about a list, so it goes
 * on; at exactly the threshold it goes on too. Pure, so a property test holds it.
 */
public final class BouncePolicy {

    /** A workspace's rule: 5 % after 20 sent unless it chose otherwise. */
    public record Rule(BigDecimal thresholdPercent, int minimumSent) {

        public static final Rule DEFAULT = new Rule(new BigDecimal("5"), 20);
    }

    /** The decision and the words the report and the event give for it. */
    public record Verdict(boolean stop, String reason) {}

    private BouncePolicy() {}

    public static Verdict judge(int sent, int bounced, Rule rule) {
        if (sent < rule.minimumSent()) {
            return new Verdict(false, "Fewer than " + rule.minimumSent() + " sent: too early to judge the bounce rate");
        }
        // bounced / sent > threshold / 100, in integers and exact decimals: no rounding decides a stop.
        boolean above = BigDecimal.valueOf(bounced * 100L)
                        .compareTo(rule.thresholdPercent().multiply(BigDecimal.valueOf(sent)))
                > 0;
        return above
                ? new Verdict(
                        true,
                        "Stopped: " + bounced + " of " + sent + " sent bounced, more than "
                                + rule.thresholdPercent().stripTrailingZeros().toPlainString() + " %")
                : new Verdict(
                        false,
                        "Bounce rate within "
                                + rule.thresholdPercent().stripTrailingZeros().toPlainString() + " %");
    }
}
