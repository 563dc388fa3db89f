package dev.canopy.tracking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What Canopy made of an event, as the API answers and the events log shows it.
 *
 * @param outcome ATTRIBUTED, TAKEN_OVER, KEPT, UNATTRIBUTED, REFUNDED, WAITING (a refund before its
 *     sale), CHURNED or IGNORED
 * @param duplicate true when the event had been received before: nothing was done again
 */
public record IntakeOutcome(
        UUID eventId,
        EventOutcome outcome,
        boolean duplicate,
        @Nullable UUID customerId,
        @Nullable UUID partnerId,
        @Nullable UUID programId,
        @Nullable AttributionSignal signal,
        @Nullable UUID clickId,
        @Nullable String couponCode,
        @Nullable UUID dealId,
        @Nullable Instant signalAt,
        String explanation) {}
