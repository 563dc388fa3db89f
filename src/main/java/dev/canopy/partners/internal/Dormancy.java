package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * An active partner is dormant when it has had no click, lead, deal or sign-in for the workspace's
 * number of days, counted from its last activity or, when it never had one, from when it was added.
 */
public final class Dormancy {

    private Dormancy() {}

    public static boolean dormant(PartnerStatus status, Instant lastActivity, Instant created, Instant now, int days) {
        Instant since = lastActivity != null ? lastActivity : created;
        return status == PartnerStatus.ACTIVE && since.isBefore(now.minus(Duration.ofDays(days)));
    }
}
