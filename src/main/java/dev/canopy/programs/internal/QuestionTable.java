package dev.canopy.programs.internal;

import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Question;
import dev.canopy.programs.QuestionType;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class QuestionTable {

    private final JdbcClient db;

    QuestionTable(JdbcClient db) {
        this.db = db;
    }

    /** Appended after the last question; callers hold the programme's lock. */
    public void insert(WorkspaceId workspace, ProgramId program, UUID id, QuestionRules.Checked q, Instant now) {
        db.sql("""
                        insert into programs_question (id, workspace_id, program_id, position, label, type, required, options, created_at)
                        select ?, ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?
                        from programs_question where program_id = ?
                        """)
                .params(
                        id,
                        workspace.value(),
                        program.value(),
                        q.label(),
                        q.type().name(),
                        q.required(),
                        Rows.array(q.options()),
                        Rows.ts(now),
                        program.value())
                .update();
    }

    public List<Question> list(WorkspaceId workspace, ProgramId program) {
        return db.sql("select * from programs_question where workspace_id = ? and program_id = ? order by position")
                .params(workspace.value(), program.value())
                .query((rs, n) -> new Question(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getString("label"),
                        QuestionType.valueOf(rs.getString("type")),
                        rs.getBoolean("required"),
                        Rows.strings(rs.getArray("options"))))
                .list();
    }

    public Optional<Question> find(WorkspaceId workspace, ProgramId program, UUID id) {
        return list(workspace, program).stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** Its scoring criteria go with it (on delete cascade). */
    public void delete(WorkspaceId workspace, ProgramId program, UUID id) {
        db.sql("delete from programs_question where workspace_id = ? and program_id = ? and id = ?")
                .params(workspace.value(), program.value(), id)
                .update();
    }
}
