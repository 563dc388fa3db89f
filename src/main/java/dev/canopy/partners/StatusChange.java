package dev.canopy.partners;

import java.time.Instant;

/** One step in a partner's lifecycle, for its timeline. */
public record StatusChange(PartnerStatus from, PartnerStatus to, String reason, String actorName, Instant changedAt) {}
