package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A claim was submitted by a partner, or reviewed by staff: approved (owed through the next payout run, with the
 * amount approved) or rejected. Its payment is on the payout line ({@code PayoutLinePaid.reimbursed}).
 */
public record FundClaimMoved(
        WorkspaceId workspace,
        UUID claim,
        UUID request,
        String reference,
        PartnerId partner,
        ClaimStatus status,
        Money claimed,
        @Nullable Money approved,
        String by,
        Instant at)
        implements DomainEvent {}
