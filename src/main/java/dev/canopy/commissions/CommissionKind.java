package dev.canopy.commissions;

/** An earned commission, or a negative one giving it back after a refund: before payout or after it. */
public enum CommissionKind {
    EARNED,
    REVERSAL,
    CLAWBACK
}
