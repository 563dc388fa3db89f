package dev.canopy.audit;

import dev.canopy.shared.Actor;
import java.time.Instant;

/** One recorded change; {@code before} and {@code after} are JSON, null where there was nothing. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Actor actor,
        String action,
        String subjectType,
        String subjectId,
        String before,
        String after,
        String clientIp) {}
