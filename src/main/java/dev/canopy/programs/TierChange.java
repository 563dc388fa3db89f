package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import java.time.Instant;

/** A partner's move between tiers; a null tier is "no tier". */
public record TierChange(
        ProgramId programId, PartnerId partnerId, String fromTier, String toTier, String reason, Instant changedAt) {}
