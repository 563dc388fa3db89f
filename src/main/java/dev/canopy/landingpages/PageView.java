package dev.canopy.landingpages;

import dev.canopy.partners.PartnerId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner's landing page: {@code live} when it is enabled on a published template, so the public sees it. A
 * partner that never saved one has a page not enabled, with no template and its future address.
 */
public record PageView(
        PartnerId partnerId,
        String partnerName,
        @Nullable UUID templateId,
        @Nullable String templateName,
        String slug,
        boolean enabled,
        boolean live,
        @Nullable String text,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        boolean hasLogo,
        long leads,
        @Nullable Instant updatedAt) {}
