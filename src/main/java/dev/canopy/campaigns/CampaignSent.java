package dev.canopy.campaigns;

import dev.canopy.shared.DomainEvent;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** A segment campaign has been delivered to every recipient it had: how many were sent, skipped and failed. */
public record CampaignSent(
        WorkspaceId workspace, UUID campaign, String name, int sent, int skipped, int failed, Instant at)
        implements DomainEvent {}
