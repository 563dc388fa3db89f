package dev.canopy.deals;

/** A routing rule as staff type it; blank filters match anything. */
public record NewRoutingRule(String name, String region, String partnerType, String tierId) {}
