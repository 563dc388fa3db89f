package dev.canopy.deals.internal;

import static dev.canopy.deals.LeadOffer.Outcome.ACCEPTED;
import static dev.canopy.deals.LeadOffer.Outcome.DECLINED;
import static dev.canopy.deals.LeadOffer.Outcome.EXPIRED;
import static dev.canopy.deals.LeadOffer.Outcome.PENDING;

import dev.canopy.deals.LeadOffer;
import dev.canopy.shared.Transition;
import java.util.EnumSet;
import java.util.Set;

/** A lead offered to a partner is answered once: accepted or declined in time, or expired when its clock ran out. */
public enum OfferLifecycle implements Transition<LeadOffer.Outcome> {
    ACCEPT(EnumSet.of(PENDING), ACCEPTED),
    DECLINE(EnumSet.of(PENDING), DECLINED),
    EXPIRE(EnumSet.of(PENDING), EXPIRED);

    private final Set<LeadOffer.Outcome> from;
    private final LeadOffer.Outcome to;

    OfferLifecycle(Set<LeadOffer.Outcome> from, LeadOffer.Outcome to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public Set<LeadOffer.Outcome> from() {
        return from;
    }

    @Override
    public LeadOffer.Outcome to() {
        return to;
    }
}
