package dev.canopy.programs;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A requirement of a tier beyond its metric thresholds, as a partner stands now: {@code required} people holding
 * an active {@code certification}, of whom it has {@code held}; {@code courseId} is a course that earns it.
 */
public record TierRequirement(
        UUID tierId,
        String certification,
        int required,
        long held,
        @Nullable UUID courseId) {

    public boolean met() {
        return held >= required;
    }
}
