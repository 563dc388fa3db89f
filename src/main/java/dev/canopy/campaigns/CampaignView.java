package dev.canopy.campaigns;

import dev.canopy.enablement.Audience;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A campaign: its words, its segment, what sends it and where it stands. */
public record CampaignView(
        UUID id,
        String name,
        String subject,
        String body,
        Audience audience,
        CampaignTrigger trigger,
        @Nullable Integer triggerDays,
        CampaignStatus status,
        @Nullable Instant scheduledAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String stoppedReason,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
