package dev.canopy.deals.internal;

import dev.canopy.deals.DealView;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.PartnerScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.security.access.AccessDeniedException;

/** What the steps on a registration check, shared by its review (Deals) and its outcome (DealOutcomes). */
public final class RegistrationGuards {

    private RegistrationGuards() {}

    public static void requireStaff(CurrentWorkspace currentWorkspace) {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff review deals");
        }
    }

    /** A protection that lapsed is over even before the expiry job has marked it. */
    public static void requireProtected(DealView deal, Instant now) {
        if (!deal.protectedUntil().isAfter(now)) {
            throw new ConflictException(
                    "status", "The protection of this registration ended on " + deal.protectedUntil());
        }
    }

    /** A conditional update found the registration no longer as it was read. */
    public static ConflictException changedMeanwhile() {
        return new ConflictException(null, "The registration changed meanwhile; reload it");
    }

    /** Now, at the database's precision, so events and stored rows carry the same instants. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
