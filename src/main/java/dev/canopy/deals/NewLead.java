package dev.canopy.deals;

/**
 * A lead as staff type or send it. {@code partnerId} passes it to that partner by hand; blank routes it
 * by the routing rules.
 */
public record NewLead(
        String accountName,
        String website,
        String contactName,
        String contactEmail,
        String region,
        String notes,
        String partnerId) {}
