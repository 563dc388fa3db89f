package dev.canopy.partners;

import java.time.Instant;
import java.util.List;
import java.util.Set;

public record PartnerView(
        PartnerId id,
        String name,
        String website,
        String domain,
        Set<PartnerType> types,
        List<String> regions,
        List<String> verticals,
        String size,
        PartnerStatus status,
        String statusReason,
        Instant statusChangedAt,
        Instant lastActivityAt,
        Instant createdAt,
        boolean dormant) {}
