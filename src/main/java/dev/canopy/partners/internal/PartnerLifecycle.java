package dev.canopy.partners.internal;

import static dev.canopy.partners.PartnerStatus.ACTIVE;
import static dev.canopy.partners.PartnerStatus.APPLIED;
import static dev.canopy.partners.PartnerStatus.APPROVED;
import static dev.canopy.partners.PartnerStatus.ARCHIVED;
import static dev.canopy.partners.PartnerStatus.BANNED;
import static dev.canopy.partners.PartnerStatus.INVITED;
import static dev.canopy.partners.PartnerStatus.REJECTED;
import static dev.canopy.partners.PartnerStatus.SUSPENDED;

import dev.canopy.partners.PartnerStatus;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a partner company may make: invited or applied, then approved or rejected, then active,
 * suspended or banned, and finally archived. Rejections, suspensions and bans need a reason.
 */
public final class PartnerLifecycle {

    private static final Map<PartnerStatus, Set<PartnerStatus>> MOVES = Map.of(
            INVITED, EnumSet.of(ACTIVE, ARCHIVED),
            APPLIED, EnumSet.of(APPROVED, REJECTED, ARCHIVED),
            APPROVED, EnumSet.of(ACTIVE, SUSPENDED, BANNED, ARCHIVED),
            REJECTED, EnumSet.of(APPLIED, ARCHIVED),
            ACTIVE, EnumSet.of(SUSPENDED, BANNED, ARCHIVED),
            SUSPENDED, EnumSet.of(ACTIVE, BANNED, ARCHIVED),
            BANNED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(PartnerStatus.class));

    private static final Set<PartnerStatus> NEED_REASON = EnumSet.of(REJECTED, SUSPENDED, BANNED);

    /** Statuses whose users may sign in to the portal. */
    private static final Set<PartnerStatus> PORTAL_OPEN = EnumSet.of(INVITED, APPROVED, ACTIVE);

    private PartnerLifecycle() {}

    public static Set<PartnerStatus> nextFrom(PartnerStatus from) {
        return Set.copyOf(MOVES.get(from));
    }

    public static boolean needsReason(PartnerStatus to) {
        return NEED_REASON.contains(to);
    }

    public static boolean portalOpen(PartnerStatus status) {
        return PORTAL_OPEN.contains(status);
    }

    /** Refuses a move the lifecycle does not allow, or one that needs a reason and has none. */
    public static void check(PartnerStatus from, PartnerStatus to, String reason) {
        if (to == null) {
            throw new InvalidInputException("status", "Choose the new status");
        }
        if (!MOVES.get(from).contains(to)) {
            throw new ConflictException(
                    "status",
                    "A partner that is " + from.label().toLowerCase() + " cannot become "
                            + to.label().toLowerCase());
        }
        if (needsReason(to) && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "Say why: the partner is told the reason");
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("reason", "Use at most 1000 characters");
        }
    }
}
