package dev.canopy.deals;

import org.jspecify.annotations.Nullable;

/** A routing rule as staff type it; blank filters match anything. */
public record NewRoutingRule(
        String name,
        @Nullable String region,
        @Nullable String partnerType,
        @Nullable String tierId) {}
