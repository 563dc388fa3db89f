package dev.canopy.enablement;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person's certificate: earned (or awarded by staff, with the reason) on a day, valid until {@code expiresAt}
 * (null: for ever), its state as of now, and the code of its public verification page.
 */
public record CertificateView(
        UUID id,
        UUID certificationId,
        String certification,
        PartnerId partner,
        UUID personId,
        String person,
        Instant earnedAt,
        @Nullable Instant expiresAt,
        CertificateState state,
        @Nullable String awardedBy,
        @Nullable String awardReason,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason,
        String code) {}
