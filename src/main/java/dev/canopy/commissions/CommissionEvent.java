package dev.canopy.commissions;

import java.util.EnumSet;
import java.util.Set;

/** What a rule pays on, and which bases it can pay a percentage of. */
public enum CommissionEvent {
    CLICK("Click", EnumSet.of(CommissionBasis.FLAT)),
    LEAD("Lead", EnumSet.of(CommissionBasis.FLAT)),
    FIRST_PAYMENT("First payment", EnumSet.of(CommissionBasis.PAYMENT, CommissionBasis.FLAT)),
    /** Every payment of the customer, the first included, for the rule's duration. */
    RECURRING_PAYMENT("Recurring payment", EnumSet.of(CommissionBasis.PAYMENT, CommissionBasis.FLAT)),
    DEAL_WON("Deal won", EnumSet.of(CommissionBasis.CONTRACT_VALUE, CommissionBasis.LIST_PRICE, CommissionBasis.FLAT)),
    /** A one-off reward staff grant by hand (a first deal, a launch campaign). */
    BOUNTY("Bounty", EnumSet.of(CommissionBasis.FLAT));

    private final String label;
    private final Set<CommissionBasis> bases;

    CommissionEvent(String label, Set<CommissionBasis> bases) {
        this.label = label;
        this.bases = bases;
    }

    public String label() {
        return label;
    }

    public Set<CommissionBasis> bases() {
        return bases;
    }
}
