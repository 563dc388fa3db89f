package dev.canopy.comarketing;

import dev.canopy.shared.Money;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a claim with its receipt, and staff's decision on it once reviewed. */
public record ClaimLineView(
        UUID id,
        int position,
        String description,
        Money amount,
        String receiptName,
        String receiptType,
        @Nullable LineDecision decision,
        @Nullable Money accepted,
        @Nullable String reason) {}
