package dev.canopy.deals.internal;

import dev.canopy.deals.DealConflict;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConflictTable {

    private final JdbcClient db;

    ConflictTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, UUID deal, List<DealConflict> conflicts) {
        for (DealConflict c : conflicts) {
            db.sql("""
                            insert into deals_conflict (workspace_id, deal_id, source, matched_ref, matched_name,
                                matched_domain, matched_status, matched_by, similarity)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                            """)
                    .params(
                            workspace.value(),
                            deal,
                            c.source().name(),
                            c.matchedRef(),
                            c.matchedName(),
                            c.matchedDomain(),
                            c.matchedStatus(),
                            c.matchedBy().name(),
                            c.similarity())
                    .update();
        }
    }

    /** Domain matches first, then by similarity. */
    public List<DealConflict> list(WorkspaceId workspace, UUID deal) {
        return db.sql("""
                        select * from deals_conflict where workspace_id = ? and deal_id = ?
                        order by matched_by, similarity desc, matched_name
                        """)
                .params(workspace.value(), deal)
                .query((rs, n) -> new DealConflict(
                        DealConflict.Source.valueOf(rs.getString("source")),
                        rs.getString("matched_ref"),
                        rs.getString("matched_name"),
                        rs.getString("matched_domain"),
                        rs.getString("matched_status"),
                        DealConflict.MatchedBy.valueOf(rs.getString("matched_by")),
                        rs.getBigDecimal("similarity")))
                .list();
    }
}
