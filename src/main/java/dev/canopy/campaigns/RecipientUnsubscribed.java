package dev.canopy.campaigns;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A recipient unsubscribed from the workspace's campaigns through a campaign's link (one click or the page). */
public record RecipientUnsubscribed(WorkspaceId workspace, UUID campaign, UUID recipient, UUID partnerUser, Instant at)
        implements DomainEvent {}
