package dev.canopy.identity;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A partner user signed in to the portal: activity that keeps their company from being dormant. */
public record PartnerUserSignedIn(WorkspaceId workspaceId, UUID partnerId, Instant at) implements DomainEvent {}
