package dev.canopy.deals;

import dev.canopy.partners.PartnerId;

/** Filters over registrations, all optional, and a cursor (the last registration seen) for the next page. */
public record DealQuery(DealStatus status, PartnerId partner, String cursor, int limit) {

    public static final int MAX_LIMIT = 200;

    public DealQuery {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }
}
