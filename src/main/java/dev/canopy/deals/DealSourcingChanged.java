package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

/** Staff overrode a won deal's classification, with a reason (audited). */
public record DealSourcingChanged(
        WorkspaceId workspace, DealId dealId, PartnerId partner, Sourcing sourcing, String reason, Instant changedAt)
        implements DomainEvent {}
