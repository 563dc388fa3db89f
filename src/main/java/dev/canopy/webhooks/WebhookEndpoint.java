package dev.canopy.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the workspace wants its events: a URL and the event types it listens to (none: every type).
 *
 * @param disabledAt when deliveries stopped (a 410 from the receiver, five days of failures, or by hand); null
 *     while enabled
 * @param failingSince the first failure since the last delivery that succeeded; null while healthy
 */
public record WebhookEndpoint(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        @Nullable Instant disabledAt,
        @Nullable String disabledReason,
        @Nullable Instant failingSince,
        Instant createdAt) {

    public boolean enabled() {
        return disabledAt == null;
    }

    /** Whether a message of {@code type} goes to this endpoint. */
    public boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }
}
