package dev.canopy.deals;

import dev.canopy.partners.PartnerId;
import org.jspecify.annotations.Nullable;

/** A partnership in the vendor's mapping overview; counts are null where the sharing levels hide them. */
public record MappingSummary(
        PartnerId partnerId,
        String partnerName,
        SharingLevel vendorLevel,
        SharingLevel partnerLevel,
        SharingLevel effectiveLevel,
        @Nullable Integer partnerAccounts,
        @Nullable Integer overlaps,
        @Nullable Integer coSell) {}
