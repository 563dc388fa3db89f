package dev.canopy.comarketing;

/** A claim waits for review, is approved (owed, then paid through a payout run) or rejected. */
public enum ClaimStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    PAID
}
