package dev.canopy.programs.internal;

import static dev.canopy.programs.ApplicationStatus.APPROVED;
import static dev.canopy.programs.ApplicationStatus.PENDING;
import static dev.canopy.programs.ApplicationStatus.REJECTED;

import dev.canopy.programs.ApplicationStatus;
import dev.canopy.shared.Transition;
import java.util.EnumSet;
import java.util.Set;

/** An application is decided once: a pending one is approved or rejected, by a person or by its score. */
public enum ApplicationLifecycle implements Transition<ApplicationStatus> {
    APPROVE(EnumSet.of(PENDING), APPROVED),
    REJECT(EnumSet.of(PENDING), REJECTED);

    private final Set<ApplicationStatus> from;
    private final ApplicationStatus to;

    ApplicationLifecycle(Set<ApplicationStatus> from, ApplicationStatus to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public Set<ApplicationStatus> from() {
        return from;
    }

    @Override
    public ApplicationStatus to() {
        return to;
    }
}
