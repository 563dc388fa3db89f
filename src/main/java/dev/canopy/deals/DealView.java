package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A registration with its review, protection, stage and outcome. */
public record DealView(
        UUID id,
        PartnerId partnerId,
        String partnerName,
        ProgramId programId,
        String programName,
        String accountName,
        String website,
        String domain,
        String contactName,
        String contactEmail,
        Money amount,
        List<String> products,
        LocalDate expectedClose,
        String notes,
        String industry,
        DealStatus status,
        DealStage stage,
        Instant submittedAt,
        String submittedBy,
        Instant reviewDueAt,
        Instant decidedAt,
        String decidedBy,
        String decisionReason,
        Instant protectedUntil,
        int extensionsUsed,
        Instant opportunityOpenedAt,
        Instant closedAt,
        String closedBy,
        String lostReason,
        Sourcing sourcing,
        SourcingEvidence sourcingEvidence,
        boolean sourcingOverridden,
        String sourcingReason,
        int conflicts) {

    /** The same registration with its partner's and programme's names, which other modules hold. */
    public DealView withNames(String partnerName, String programName) {
        return new DealView(
                id,
                partnerId,
                partnerName,
                programId,
                programName,
                accountName,
                website,
                domain,
                contactName,
                contactEmail,
                amount,
                products,
                expectedClose,
                notes,
                industry,
                status,
                stage,
                submittedAt,
                submittedBy,
                reviewDueAt,
                decidedAt,
                decidedBy,
                decisionReason,
                protectedUntil,
                extensionsUsed,
                opportunityOpenedAt,
                closedAt,
                closedBy,
                lostReason,
                sourcing,
                sourcingEvidence,
                sourcingOverridden,
                sourcingReason,
                conflicts);
    }

    /** Waiting for review beyond the review clock. */
    public boolean overdue(Instant now) {
        return status == DealStatus.PENDING && now.isAfter(reviewDueAt);
    }
}
