package dev.canopy.deals.internal;

import dev.canopy.deals.DealView;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.PartnerScoped;
import java.time.Instant;
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
}
