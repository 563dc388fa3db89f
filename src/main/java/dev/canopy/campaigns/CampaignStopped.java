package dev.canopy.campaigns;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A campaign stopped sending, its remaining recipients not mailed: its bounce rate passed the threshold. */
public record CampaignStopped(
        WorkspaceId workspace, UUID campaign, String name, String reason, int sent, int bounced, Instant at)
        implements DomainEvent {}
