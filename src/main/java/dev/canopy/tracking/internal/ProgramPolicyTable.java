package dev.canopy.tracking.internal;

import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per programme: last or first click, and whether another partner may take over a customer. */
@Repository
public class ProgramPolicyTable {

    public record Policy(boolean firstClick, boolean allowTakeover) {

        public static final Policy DEFAULT = new Policy(false, false);
    }

    private final JdbcClient db;

    ProgramPolicyTable(JdbcClient db) {
        this.db = db;
    }

    public Policy of(WorkspaceId workspace, ProgramId program) {
        return db.sql(
                        "select model, allow_takeover from tracking_program_policy where workspace_id = ? and program_id = ?")
                .params(workspace.value(), program.value())
                .query((rs, n) -> new Policy("FIRST_CLICK".equals(rs.getString(1)), rs.getBoolean(2)))
                .optional()
                .orElse(Policy.DEFAULT);
    }

    public void save(WorkspaceId workspace, ProgramId program, Policy policy) {
        db.sql("""
                        insert into tracking_program_policy (workspace_id, program_id, model, allow_takeover) values (?, ?, ?, ?)
                        on conflict (workspace_id, program_id) do update set model = excluded.model,
                          allow_takeover = excluded.allow_takeover
                        """)
                .params(
                        workspace.value(),
                        program.value(),
                        policy.firstClick() ? "FIRST_CLICK" : "LAST_CLICK",
                        policy.allowTakeover())
                .update();
    }
}
