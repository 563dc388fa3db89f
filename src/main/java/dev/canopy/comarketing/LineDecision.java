package dev.canopy.comarketing;

/** What staff decide on one line of a claim: accepted in full, reduced to a lower amount, or denied. */
public enum LineDecision {
    ACCEPTED,
    REDUCED,
    DENIED
}
