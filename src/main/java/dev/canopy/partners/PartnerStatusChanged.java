package dev.canopy.partners;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;

/** Published when a partner company moves in its lifecycle (e.g. to ACTIVE when its first user joins). */
public record PartnerStatusChanged(
        WorkspaceId workspaceId, PartnerId partnerId, PartnerStatus from, PartnerStatus to, String reason)
        implements DomainEvent {}
