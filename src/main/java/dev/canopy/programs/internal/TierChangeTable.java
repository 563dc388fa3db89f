package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.TierChange;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TierChangeTable {

    private final JdbcClient db;

    TierChangeTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, ProgramId program, PartnerId partner, TierPolicy.Move move, Instant now) {
        db.sql("""
                        insert into programs_tier_change
                            (workspace_id, program_id, partner_id, from_tier_id, from_tier, to_tier_id, to_tier, reason, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        workspace.value(),
                        program.value(),
                        partner.value(),
                        move.from() == null ? null : move.from().tierId(),
                        move.from() == null ? null : move.from().name(),
                        move.to() == null ? null : move.to().tierId(),
                        move.to() == null ? null : move.to().name(),
                        move.reason(),
                        Rows.ts(now))
                .update();
    }

    /** Newest first; of one partner when {@code partner} is given. */
    public List<TierChange> list(WorkspaceId workspace, ProgramId program, PartnerId partner, int limit) {
        StringBuilder sql =
                new StringBuilder("select * from programs_tier_change where workspace_id = ? and program_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value(), program.value()));
        if (partner != null) {
            sql.append(" and partner_id = ?");
            params.add(partner.value());
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new TierChange(
                        new ProgramId(rs.getObject("program_id", UUID.class)),
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getString("from_tier"),
                        rs.getString("to_tier"),
                        rs.getString("reason"),
                        Rows.instant(rs.getTimestamp("changed_at"))))
                .list();
    }
}
