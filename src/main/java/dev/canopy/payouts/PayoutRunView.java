package dev.canopy.payouts;

import dev.canopy.shared.Actor;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payout run with its totals per currency (payable lines only). */
public record PayoutRunView(
        UUID id,
        String reference,
        String period,
        Instant cutoff,
        PayoutRunStatus status,
        boolean needsSecondApproval,
        Actor createdBy,
        Instant createdAt,
        String firstApprovedBy,
        String firstApprovedById,
        String approvedBy,
        Instant approvedAt,
        Instant exportedAt,
        String paidBy,
        Instant paidAt,
        List<Money> totals,
        int payableLines,
        int carriedLines) {

    /** Whether {@code actor} started the run by hand (a scheduled run is started by Canopy). */
    public boolean startedBy(Actor actor) {
        return createdBy.kind() != Actor.Kind.SYSTEM && createdBy.id().equals(actor.id());
    }
}
