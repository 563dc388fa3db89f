package dev.canopy.comarketing;

/** Staff's decision on one claim line: ACCEPTED, REDUCED (with the amount accepted) or DENIED, with a reason. */
public record LineReview(String lineId, String decision, String acceptedAmount, String reason) {}
