package dev.canopy.deals;

/** Filters over leads, optional, and a cursor (the last lead seen). */
public record LeadQuery(LeadStatus status, String cursor, int limit) {

    public LeadQuery {
        limit = Math.clamp(limit, 1, 200);
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    }
}
