package dev.canopy.deals;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A requirement for registering deals under a programme, as a partner stands now: {@code required} people holding
 * an active {@code certification}, of whom it has {@code held}. Unmet, registrations stay open until
 * {@code openUntil} (the programme's grace period after the requirement was last met), or are closed when null.
 * {@code courseId} is a course that earns the certification.
 */
public record RegistrationRequirement(
        String certification,
        int required,
        long held,
        @Nullable Instant openUntil,
        @Nullable UUID courseId) {

    public boolean met() {
        return held >= required;
    }

    /** Whether registrations are allowed: met, or within the grace period. */
    public boolean open() {
        return met() || openUntil != null;
    }
}
