package dev.canopy.deals;

import org.jspecify.annotations.Nullable;

/**
 * A lead as staff type or send it. {@code partnerId} passes it to that partner by hand; blank routes it
 * by the routing rules.
 */
public record NewLead(
        String accountName,
        @Nullable String website,
        String contactName,
        String contactEmail,
        @Nullable String region,
        @Nullable String notes,
        @Nullable String partnerId) {}
