package dev.canopy.programs;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's membership of a programme: its tier (null when it qualifies for none), since when it has
 * qualified only for a lower tier (null when it has not), and where it stands with the terms
 * ({@code currentTermsVersion} 0 when the programme has published none).
 */
public record MembershipView(
        ProgramId programId,
        String programName,
        PartnerId partnerId,
        String partnerName,
        Instant joinedAt,
        UUID tierId,
        String tierName,
        Instant tierSince,
        Instant belowSince,
        int currentTermsVersion,
        Integer acceptedTermsVersion,
        Instant termsAcceptedAt) {

    public boolean termsPending() {
        return currentTermsVersion > 0 && (acceptedTermsVersion == null || acceptedTermsVersion < currentTermsVersion);
    }
}
