package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/**
 * A registration stopped protecting its account without being won: rejected at review, expired, or lost.
 * A pending registration that is rejected never protected anything; the event still tells listeners it
 * is over.
 */
public record DealRegistrationEnded(
        WorkspaceId workspace,
        DealId dealId,
        PartnerId partner,
        ProgramId program,
        String registrableDomain,
        DealStatus outcome,
        String reason,
        Instant endedAt)
        implements DomainEvent {

    /** The end of {@code deal}'s registration in {@code workspace}. */
    public static DealRegistrationEnded of(
            WorkspaceId workspace, DealView deal, DealStatus outcome, String reason, Instant at) {
        return new DealRegistrationEnded(
                workspace,
                new DealId(deal.id()),
                deal.partnerId(),
                deal.programId(),
                deal.domain(),
                outcome,
                reason,
                at);
    }
}
