package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.StatusChange;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StatusChangeTable {

    private final JdbcClient db;

    StatusChangeTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, PartnerId partner, StatusChange change) {
        db.sql("""
                        insert into partners_status_change (workspace_id, partner_id, from_status, to_status, reason, actor_name, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        workspace.value(),
                        partner.value(),
                        change.from() == null ? null : change.from().name(),
                        change.to().name(),
                        change.reason(),
                        change.actorName(),
                        Timestamp.from(change.changedAt()))
                .update();
    }

    public List<StatusChange> list(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select from_status, to_status, reason, actor_name, changed_at from partners_status_change
                        where workspace_id = ? and partner_id = ? order by id desc
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new StatusChange(
                        rs.getString(1) == null ? null : PartnerStatus.valueOf(rs.getString(1)),
                        PartnerStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
