package dev.canopy.partners;

import java.util.Set;

/**
 * Filters over the partner list, all optional: words in the name or domain, a type, a status, a region,
 * dormant ones only, a set of ids to stay among, and a cursor (the last name and id seen) for the next page.
 */
public record PartnerSearch(
        String query,
        PartnerType type,
        PartnerStatus status,
        String region,
        boolean dormantOnly,
        String after,
        int limit,
        Set<PartnerId> only) {

    public static final int MAX_LIMIT = 500;

    public PartnerSearch {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        query = query == null || query.isBlank() ? null : query.strip();
        region = region == null || region.isBlank() ? null : region.strip();
        after = after == null || after.isBlank() ? null : after;
        only = only == null ? null : Set.copyOf(only);
    }

    /** Any partner (no restriction to a set of ids). */
    public PartnerSearch(
            String query,
            PartnerType type,
            PartnerStatus status,
            String region,
            boolean dormantOnly,
            String after,
            int limit) {
        this(query, type, status, region, dormantOnly, after, limit, null);
    }

    /** The same search, further restricted to {@code ids} (e.g. the partners at one tier). */
    public PartnerSearch onlyAmong(Set<PartnerId> ids) {
        return new PartnerSearch(query, type, status, region, dormantOnly, after, limit, ids);
    }

    /** The same search from {@code cursor} on, {@code size} at a time. */
    public PartnerSearch page(String cursor, int size) {
        return new PartnerSearch(query, type, status, region, dormantOnly, cursor, size, only);
    }
}
