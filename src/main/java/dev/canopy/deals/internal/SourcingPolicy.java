package dev.canopy.deals.internal;

import dev.canopy.deals.Sourcing;
import dev.canopy.deals.SourcingEvidence;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Partner-sourced when the partner's earliest documented action came strictly before the vendor's
 * opportunity existed; partner-influenced otherwise (at the same instant the vendor already had it).
 */
public final class SourcingPolicy {

    private SourcingPolicy() {}

    public static Sourcing classify(SourcingEvidence evidence) {
        Objects.requireNonNull(evidence.opportunityOpenedAt(), "opportunityOpenedAt");
        return evidence.actions().stream()
                        .map(SourcingEvidence.PartnerAction::at)
                        .filter(Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .filter(first -> first.isBefore(evidence.opportunityOpenedAt()))
                        .isPresent()
                ? Sourcing.SOURCED
                : Sourcing.INFLUENCED;
    }

    /** The evidence with its actions in time order, as it is stored and shown. */
    public static SourcingEvidence ordered(
            List<SourcingEvidence.PartnerAction> actions, Instant opportunityOpenedAt, String opportunitySource) {
        return new SourcingEvidence(
                actions.stream()
                        .sorted(Comparator.comparing(SourcingEvidence.PartnerAction::at))
                        .toList(),
                opportunityOpenedAt,
                opportunitySource);
    }
}
