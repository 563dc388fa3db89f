package dev.canopy.identity;

import dev.canopy.shared.WorkspaceId;
import java.time.Instant;

public record WorkspaceView(
        WorkspaceId id,
        String slug,
        String name,
        String website,
        String timezone,
        String currency,
        Instant createdAt) {}
