package dev.canopy.audit;

import java.util.List;

/** A page of entries, newest first; {@code nextCursor} continues it, null on the last page. */
public record AuditPage(List<AuditEntry> entries, Long nextCursor) {}
