package dev.canopy.audit.web;

import dev.canopy.audit.AuditEntry;
import dev.canopy.audit.AuditLog;
import dev.canopy.audit.AuditPage;
import dev.canopy.audit.AuditQuery;
import dev.canopy.platform.Cursors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit log", description = "Every change made in the workspace, newest first")
class AuditApi {

    record AuditActor(
            @Schema(implementation = dev.canopy.shared.Actor.Kind.class)
            String kind,

            @Nullable String id,
            String name) {}

    record AuditEvent(
            String id,
            Instant occurredAt,
            AuditActor actor,
            String action,
            String subjectType,
            @Nullable String subjectId,

            @Schema(
                    types = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "The subject before the change; absent when it was created")
            @Nullable
            JsonNode before,

            @Schema(
                    types = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "The subject after the change; absent when it was deleted")
            @Nullable
            JsonNode after) {}

    record AuditEventList(List<AuditEvent> data, @Nullable String nextCursor) {}

    private final AuditLog auditLog;
    private final JsonMapper json;

    AuditApi(AuditLog auditLog, JsonMapper json) {
        this.auditLog = auditLog;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(
            summary = "List audit events",
            description = "Cursor pagination: pass nextCursor as cursor for the next page.")
    AuditEventList listAuditEvents(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(AuditQuery.MAX_LIMIT) int limit) {
        AuditPage page = auditLog.search(
                new AuditQuery(action, actor, subject, from, to, Cursors.sequence(cursor, "cursor"), limit));
        return new AuditEventList(
                page.entries().stream().map(this::event).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString());
    }

    private AuditEvent event(AuditEntry e) {
        return new AuditEvent(
                String.valueOf(e.id()),
                e.occurredAt(),
                new AuditActor(
                        e.actor().kind().name(), e.actor().id(), e.actor().name()),
                e.action(),
                e.subjectType(),
                e.subjectId(),
                e.before() == null ? null : json.readTree(e.before()),
                e.after() == null ? null : json.readTree(e.after()));
    }
}
