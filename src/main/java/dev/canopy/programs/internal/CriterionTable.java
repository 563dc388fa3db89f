package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerType;
import dev.canopy.programs.CriterionKind;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ScoringCriterion;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CriterionTable {

    private final JdbcClient db;

    CriterionTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, ProgramId program, UUID id, CriterionRules.Checked c, Instant now) {
        db.sql("""
                        insert into programs_scoring_criterion
                            (id, workspace_id, program_id, kind, question_id, choice, threshold, partner_type, points, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        workspace.value(),
                        program.value(),
                        c.kind().name(),
                        c.questionId(),
                        c.choice(),
                        c.threshold(),
                        c.partnerType() == null ? null : c.partnerType().name(),
                        c.points(),
                        Rows.ts(now))
                .update();
    }

    public List<ScoringCriterion> list(WorkspaceId workspace, ProgramId program) {
        return db.sql("""
                        select c.*, q.label as question_label from programs_scoring_criterion c
                        left join programs_question q on q.id = c.question_id
                        where c.workspace_id = ? and c.program_id = ?
                        order by c.created_at, c.id
                        """)
                .params(workspace.value(), program.value())
                .query((rs, n) -> new ScoringCriterion(
                        rs.getObject("id", UUID.class),
                        CriterionKind.valueOf(rs.getString("kind")),
                        rs.getObject("question_id", UUID.class),
                        rs.getString("question_label"),
                        rs.getString("choice"),
                        rs.getBigDecimal("threshold"),
                        rs.getString("partner_type") == null ? null : PartnerType.valueOf(rs.getString("partner_type")),
                        rs.getInt("points")))
                .list();
    }

    public Optional<ScoringCriterion> find(WorkspaceId workspace, ProgramId program, UUID id) {
        return list(workspace, program).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public void delete(WorkspaceId workspace, ProgramId program, UUID id) {
        db.sql("delete from programs_scoring_criterion where workspace_id = ? and program_id = ? and id = ?")
                .params(workspace.value(), program.value(), id)
                .update();
    }
}
