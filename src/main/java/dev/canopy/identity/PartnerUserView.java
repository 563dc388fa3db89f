package dev.canopy.identity;

import java.time.Instant;
import java.util.UUID;

/** A partner company's user; {@code joined} once they have set a password from their invitation. */
public record PartnerUserView(
        UUID id,
        UUID partnerId,
        String email,
        String displayName,
        PartnerRole role,
        boolean joined,
        Instant lastLoginAt) {}
