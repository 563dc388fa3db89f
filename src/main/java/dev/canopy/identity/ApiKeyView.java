package dev.canopy.identity;

import java.time.Instant;
import java.util.UUID;

/** An API key as shown after creation: its prefix identifies it, its secret is never shown again. */
public record ApiKeyView(
        UUID id,
        String name,
        String prefix,
        ApiKeyScope scope,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
