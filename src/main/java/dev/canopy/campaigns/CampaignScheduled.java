package dev.canopy.campaigns;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** Staff set a segment campaign to go at {@code sendAt} (now, for "Send now"), or switched on a triggered one. */
public record CampaignScheduled(
        WorkspaceId workspace,
        UUID campaign,
        String name,
        CampaignTrigger trigger,
        Instant sendAt,
        String by,
        Instant at)
        implements DomainEvent {}
