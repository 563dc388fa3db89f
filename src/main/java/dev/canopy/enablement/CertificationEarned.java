package dev.canopy.enablement;

import dev.canopy.partners.PartnerAction;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person of a partner holds a new certificate: earned by completing the certification's courses, or awarded by
 * staff ({@code awardedBy}). Counts as partner activity.
 */
public record CertificationEarned(
        WorkspaceId workspace,
        UUID certificate,
        UUID certificationId,
        String certification,
        PartnerId partner,
        UUID personId,
        String person,
        @Nullable Instant expiresAt,
        @Nullable String awardedBy,
        Instant at)
        implements PartnerAction {}
