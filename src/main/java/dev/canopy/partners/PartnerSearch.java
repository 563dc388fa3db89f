package dev.canopy.partners;

/**
 * Filters over the partner list, all optional: words in the name or domain, a type, a status, a region,
 * dormant ones only, and a cursor (the last name and id seen) for the next page.
 */
public record PartnerSearch(
        String query,
        PartnerType type,
        PartnerStatus status,
        String region,
        boolean dormantOnly,
        String after,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public PartnerSearch {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        query = query == null || query.isBlank() ? null : query.strip();
        region = region == null || region.isBlank() ? null : region.strip();
        after = after == null || after.isBlank() ? null : after;
    }
}
