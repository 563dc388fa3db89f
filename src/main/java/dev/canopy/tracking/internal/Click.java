package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** One counted click, on its way from the redirect to the click table. */
public record Click(
        UUID id,
        WorkspaceId workspace,
        UUID linkId,
        UUID partnerId,
        UUID programId,
        Instant at,
        String visitor,
        String ip,
        String userAgent,
        String referrer,
        String paidAd) {}
