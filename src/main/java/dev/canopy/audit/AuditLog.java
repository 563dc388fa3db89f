package dev.canopy.audit;

import dev.canopy.audit.internal.AuditTable;
import dev.canopy.platform.ClientAddress;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change, in the same transaction as the change itself: no change without its entry,
 * no entry for a change that was rolled back.
 */
@Service
public class AuditLog {

    private final AuditTable table;
    private final CurrentWorkspace currentWorkspace;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditTable table, CurrentWorkspace currentWorkspace, JsonMapper json, Clock clock) {
        this.table = table;
        this.currentWorkspace = currentWorkspace;
        this.json = json;
        this.clock = clock;
    }

    /** A change by whoever is signed in, in their workspace. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String subjectType, Object subjectId, Object before, Object after) {
        record(currentWorkspace.id(), currentWorkspace.actor(), action, subjectType, subjectId, before, after);
    }

    /** A change made before anyone is signed in to the workspace (sign-up, accepting an invitation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            WorkspaceId workspace,
            Actor actor,
            String action,
            String subjectType,
            Object subjectId,
            Object before,
            Object after) {
        table.insert(
                workspace,
                clock.instant(),
                actor,
                action,
                subjectType,
                String.valueOf(subjectId),
                toJson(before),
                toJson(after),
                ClientAddress.current());
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        List<AuditEntry> rows = table.search(currentWorkspace.id(), query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return new AuditPage(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, query.limit());
        return new AuditPage(List.copyOf(page), page.getLast().id());
    }

    /** The actions recorded in this workspace, for the filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return table.actions(currentWorkspace.id());
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
