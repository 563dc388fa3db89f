package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StripeSecretTable {

    public record Row(UUID id, String secret, Instant createdAt, Instant revokedAt) {}

    private final JdbcClient db;

    StripeSecretTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, UUID id, String secret, Instant now) {
        db.sql("insert into tracking_stripe_secret (id, workspace_id, secret, created_at) values (?, ?, ?, ?)")
                .params(id, workspace.value(), secret, Timestamp.from(now))
                .update();
    }

    public boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql(
                                "update tracking_stripe_secret set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                        .params(Timestamp.from(now), workspace.value(), id)
                        .update()
                == 1;
    }

    public List<Row> list(WorkspaceId workspace) {
        return db.sql(
                        "select id, secret, created_at, revoked_at from tracking_stripe_secret where workspace_id = ? order by created_at desc")
                .param(workspace.value())
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        CustomerTable.instant(rs, "revoked_at")))
                .list();
    }

    public List<String> live(WorkspaceId workspace) {
        return db.sql("select secret from tracking_stripe_secret where workspace_id = ? and revoked_at is null")
                .param(workspace.value())
                .query(String.class)
                .list();
    }
}
