package dev.canopy.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message on its way to one endpoint.
 *
 * @param status {@code pending} (to be tried at {@code nextAttemptAt}), {@code delivered} or {@code failed} (every
 *     attempt of the schedule failed, or the endpoint was disabled)
 * @param lastStatus the HTTP status of the latest attempt; null before any, or when none came back
 */
public record WebhookDelivery(
        long id,
        UUID endpointId,
        String messageId,
        String eventType,
        String status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt) {}
