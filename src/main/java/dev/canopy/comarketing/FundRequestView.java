package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request for funds and where it stands. {@code tag} ("mdf-7") marks the activity's links and leads, so its
 * pipeline can be counted; {@code needsSecondApproval}: above the budget's threshold, a second person approves.
 */
public record FundRequestView(
        UUID id,
        String reference,
        String tag,
        UUID budgetId,
        String budgetName,
        PartnerId partnerId,
        String partnerName,
        ActivityType activityType,
        String title,
        String description,
        LocalDate startsOn,
        LocalDate endsOn,
        Money plannedCost,
        int expectedLeads,
        FundRequestStatus status,
        @Nullable Money approvedAmount,
        boolean needsSecondApproval,
        @Nullable String firstApprovedBy,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String reason,
        @Nullable LocalDate claimDueOn,
        @Nullable String extensionReason,
        String submittedBy,
        Instant submittedAt) {

    /** An approved request whose claim deadline passed on {@code today}: its funds are lost unless extended. */
    public boolean lapsed(LocalDate today) {
        return status == FundRequestStatus.APPROVED && claimDueOn != null && today.isAfter(claimDueOn);
    }
}
