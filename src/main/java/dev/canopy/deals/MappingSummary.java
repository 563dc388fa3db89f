package dev.canopy.deals;

import dev.canopy.partners.PartnerId;

/** A partnership in the vendor's mapping overview; counts are null where the sharing levels hide them. */
public record MappingSummary(
        PartnerId partnerId,
        String partnerName,
        SharingLevel vendorLevel,
        SharingLevel partnerLevel,
        SharingLevel effectiveLevel,
        Integer partnerAccounts,
        Integer overlaps,
        Integer coSell) {}
