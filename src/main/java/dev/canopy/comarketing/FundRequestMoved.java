package dev.canopy.comarketing;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request for funds was submitted by a partner, approved (with the amount approved), rejected by staff or withdrawn
 * by the partner. A first of two approvals is not a move: the request still waits.
 */
public record FundRequestMoved(
        WorkspaceId workspace,
        UUID request,
        String reference,
        PartnerId partner,
        FundRequestStatus status,
        Money plannedCost,
        @Nullable Money approvedAmount,
        String by,
        Instant at)
        implements DomainEvent {}
