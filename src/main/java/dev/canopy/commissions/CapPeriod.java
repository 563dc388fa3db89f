package dev.canopy.commissions;

/** The period a rule's cap on one partner's commissions resets after (calendar, UTC). */
public enum CapPeriod {
    MONTH,
    QUARTER,
    YEAR
}
