package dev.canopy.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * What Canopy made of an event, as the API answers and the events log shows it.
 *
 * @param outcome ATTRIBUTED, TAKEN_OVER, KEPT, UNATTRIBUTED, REFUNDED, WAITING (a refund before its
 *     sale), CHURNED or IGNORED
 * @param duplicate true when the event had been received before: nothing was done again
 */
public record IntakeOutcome(
        UUID eventId,
        String outcome,
        boolean duplicate,
        UUID customerId,
        UUID partnerId,
        UUID programId,
        AttributionSignal signal,
        UUID clickId,
        String couponCode,
        UUID dealId,
        Instant signalAt,
        String explanation) {}
