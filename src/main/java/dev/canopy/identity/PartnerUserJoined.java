package dev.canopy.identity;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.util.UUID;

/** A partner user set their password from an invitation: their company may now become active. */
public record PartnerUserJoined(WorkspaceId workspaceId, UUID partnerId, UUID partnerUserId, String displayName)
        implements DomainEvent {}
