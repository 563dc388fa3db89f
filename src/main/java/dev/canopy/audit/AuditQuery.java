package dev.canopy.audit;

import java.time.Instant;

/**
 * Filters over the audit log, all optional: the action, words in the actor's name, the subject's type or
 * id, a time range, and a cursor ({@code beforeId}) for the next page.
 */
public record AuditQuery(
        String action, String actor, String subject, Instant from, Instant to, Long beforeId, int limit) {

    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        action = blankToNull(action);
        actor = blankToNull(actor);
        subject = blankToNull(subject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
