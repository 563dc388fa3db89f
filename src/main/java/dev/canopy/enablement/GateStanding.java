package dev.canopy.enablement;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a partner company stands with a requirement now: {@code held} people hold an active certificate. Unmet, it
 * stays open until {@code openUntil} — the programme's grace period after the requirement was last met — or is
 * closed when that is null (never met while the requirement existed, or the grace is over).
 */
public record GateStanding(
        RequirementView requirement, long held, @Nullable Instant openUntil) {

    public boolean met() {
        return held >= requirement.minPeople();
    }

    public boolean open() {
        return met() || openUntil != null;
    }
}
