package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A claim of what an approved activity cost, its lines, and what was approved and paid of it. */
public record FundClaimView(
        UUID id,
        UUID requestId,
        String requestReference,
        PartnerId partnerId,
        String partnerName,
        ClaimStatus status,
        Money claimed,
        @Nullable Money approved,
        List<ClaimLineView> lines,
        String submittedBy,
        Instant submittedAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable UUID payoutRunId,
        @Nullable Instant paidAt) {}
