package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CouponTable {

    public record Row(String code, PartnerId partner, ProgramId program, boolean disabled, Instant createdAt) {}

    private final JdbcClient db;

    CouponTable(JdbcClient db) {
        this.db = db;
    }

    public boolean insert(WorkspaceId workspace, Row coupon) {
        return db.sql("""
                        insert into tracking_coupon (workspace_id, code, partner_id, program_id, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(
                                workspace.value(),
                                coupon.code(),
                                coupon.partner().value(),
                                coupon.program().value(),
                                Timestamp.from(coupon.createdAt()))
                        .update()
                == 1;
    }

    public void setDisabled(WorkspaceId workspace, String code, boolean disabled) {
        db.sql("update tracking_coupon set disabled = ? where workspace_id = ? and code = ?")
                .params(disabled, workspace.value(), code)
                .update();
    }

    public Optional<Row> find(WorkspaceId workspace, String code) {
        return db.sql(
                        "select code, partner_id, program_id, disabled, created_at from tracking_coupon where workspace_id = ? and code = ?")
                .params(workspace.value(), code)
                .query(CouponTable::row)
                .optional();
    }

    public List<Row> list(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select code, partner_id, program_id, disabled, created_at from tracking_coupon
                        where workspace_id = ? and (cast(? as uuid) is null or partner_id = ?) order by code
                        """)
                .params(
                        workspace.value(),
                        partner == null ? null : partner.value(),
                        partner == null ? null : partner.value())
                .query(CouponTable::row)
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString(1),
                new PartnerId(rs.getObject(2, UUID.class)),
                new ProgramId(rs.getObject(3, UUID.class)),
                rs.getBoolean(4),
                rs.getTimestamp(5).toInstant());
    }
}
