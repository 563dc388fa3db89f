package dev.canopy.deals.internal;

import dev.canopy.partners.PartnerId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks who gets the next lead of a rule: among the eligible partners with a weight above zero, the one
 * whose share so far is furthest below its weight — (offers + 1) / weight smallest — then by name. A
 * partner with weight 2 thus gets twice the leads of one with weight 1, and the choice is deterministic.
 */
public final class RoutingPolicy {

    /** An eligible partner, its weight in the rule, and how many of the rule's leads it was offered. */
    public record Candidate(PartnerId partner, String name, int weight, int offered) {}

    private RoutingPolicy() {}

    public static Optional<Candidate> choose(List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.weight() > 0)
                .min(Comparator.comparingDouble((Candidate c) -> (c.offered() + 1.0) / c.weight())
                        .thenComparing(Candidate::name)
                        .thenComparing(c -> c.partner().value()));
    }
}
