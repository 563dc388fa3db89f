package dev.canopy.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One address a campaign was meant for, and what became of it. */
public record RecipientView(
        UUID id,
        String address,
        String name,
        @Nullable UUID partnerId,
        String partnerName,
        RecipientStatus status,
        @Nullable SkipReason skipReason,
        @Nullable String error,
        @Nullable Instant sentAt,
        @Nullable Instant openedAt,
        @Nullable Instant bouncedAt) {}
