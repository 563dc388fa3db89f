package dev.canopy.programs.internal;

import dev.canopy.programs.TierMetric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which tier a partner belongs in. A partner qualifies for the highest tier whose thresholds it all
 * meets; it is promoted at once, but demoted only after it has qualified for a lower tier for the whole
 * grace period without a break, so a slow quarter does not cost a partner its tier. A tier whose other requirements
 * (certifications) the partner lacks is out of reach as if its thresholds were not met.
 */
public final class TierPolicy {

    private TierPolicy() {}

    /** A tier's rule: every threshold met (value &gt;= threshold); no thresholds is always met. */
    public record Rule(UUID tierId, int rank, String name, Map<TierMetric, BigDecimal> thresholds) {

        public Rule {
            thresholds = Map.copyOf(thresholds);
        }

        public boolean metBy(Map<TierMetric, BigDecimal> metrics) {
            return thresholds.entrySet().stream()
                    .allMatch(t ->
                            metrics.getOrDefault(t.getKey(), BigDecimal.ZERO).compareTo(t.getValue()) >= 0);
        }
    }

    /** A member's tier (null for none) and since when it has qualified only for a lower one (null if not). */
    public record Standing(UUID tierId, Instant belowSince) {}

    /** A move between tiers; {@code from} or {@code to} is null for "no tier". */
    public record Move(Rule from, Rule to, String reason) {

        public boolean up() {
            return rank(to) > rank(from);
        }
    }

    /** The standing after an evaluation, and the move it made, if any. */
    public record Outcome(Standing standing, Optional<Move> move) {}

    /** The highest tier whose thresholds the metrics meet, leaving out the {@code barred} tiers (unmet requirements). */
    public static Optional<Rule> qualifiedFor(List<Rule> tiers, Map<TierMetric, BigDecimal> metrics, Set<UUID> barred) {
        return tiers.stream()
                .filter(t -> !barred.contains(t.tierId()) && t.metBy(metrics))
                .max(Comparator.comparingInt(Rule::rank));
    }

    public static Outcome evaluate(
            List<Rule> tiers,
            Standing standing,
            Map<TierMetric, BigDecimal> metrics,
            Set<UUID> barred,
            Instant now,
            Duration grace) {
        Rule current = standing.tierId() == null
                ? null
                : tiers.stream()
                        .filter(t -> t.tierId().equals(standing.tierId()))
                        .findFirst()
                        .orElse(null);
        Rule qualified = qualifiedFor(tiers, metrics, barred).orElse(null);
        if (rank(qualified) > rank(current)) {
            return new Outcome(
                    new Standing(qualified.tierId(), null),
                    Optional.of(new Move(current, qualified, "Meets every threshold of " + qualified.name())));
        }
        if (rank(qualified) == rank(current)) {
            return new Outcome(new Standing(current == null ? null : current.tierId(), null), Optional.empty());
        }
        Instant since = standing.belowSince() == null ? now : standing.belowSince();
        if (now.isBefore(since.plus(grace))) {
            return new Outcome(new Standing(current.tierId(), since), Optional.empty());
        }
        String reason = "Below the thresholds of " + current.name() + " since "
                + since.atZone(ZoneOffset.UTC).toLocalDate() + ", past the " + grace.toDays() + "-day grace period";
        return new Outcome(
                new Standing(qualified == null ? null : qualified.tierId(), null),
                Optional.of(new Move(current, qualified, reason)));
    }

    /** The rank of a tier, -1 for none: any tier is above none. */
    public static int rank(Rule rule) {
        return rule == null ? -1 : rule.rank();
    }
}
