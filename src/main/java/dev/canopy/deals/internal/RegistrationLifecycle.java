package dev.canopy.deals.internal;

import static dev.canopy.deals.DealStatus.APPROVED;
import static dev.canopy.deals.DealStatus.EXPIRED;
import static dev.canopy.deals.DealStatus.LOST;
import static dev.canopy.deals.DealStatus.PENDING;
import static dev.canopy.deals.DealStatus.REJECTED;
import static dev.canopy.deals.DealStatus.WON;

import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Transition;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deal registration's life, written once: a pending registration is approved (protected) or rejected; an
 * approved one moves through stages, is extended, won, lost, or expires when its protection runs out; a won one
 * may be reclassified. Rejected, expired and lost are final.
 */
public enum RegistrationLifecycle implements Transition<DealStatus> {
    APPROVE(EnumSet.of(PENDING), APPROVED, "approved"),
    REJECT(EnumSet.of(PENDING), REJECTED, "rejected"),
    MOVE_STAGE(EnumSet.of(APPROVED), APPROVED, "moved to another stage"),
    EXTEND(EnumSet.of(APPROVED), APPROVED, "extended"),
    WIN(EnumSet.of(APPROVED), WON, "won"),
    LOSE(EnumSet.of(APPROVED), LOST, "lost"),
    EXPIRE(EnumSet.of(APPROVED), EXPIRED, "expired"),
    RECLASSIFY(EnumSet.of(WON), WON, "reclassified");

    private final Set<DealStatus> from;
    private final DealStatus to;
    private final String verb;

    RegistrationLifecycle(Set<DealStatus> from, DealStatus to, String verb) {
        this.from = from;
        this.to = to;
        this.verb = verb;
    }

    @Override
    public Set<DealStatus> from() {
        return from;
    }

    @Override
    public DealStatus to() {
        return to;
    }

    /** "approved", as in "Only a registration that is waiting for review can be approved". */
    public String verb() {
        return verb;
    }

    /** Refuses unless this step may start from the registration's status, saying which statuses it may start from. */
    public void require(DealView deal) {
        if (!allows(deal.status())) {
            throw new ConflictException(
                    "status",
                    "Only a registration that is "
                            + from.stream().map(s -> s.label().toLowerCase()).collect(Collectors.joining(" or "))
                            + " can be " + verb + "; this one is "
                            + deal.status().label().toLowerCase());
        }
    }
}
