package dev.canopy.identity.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users of partner companies: they sign in to the partner portal only. */
@Repository
public class PartnerUserTable {

    public record PartnerUser(
            UUID id, WorkspaceId workspaceId, UUID partnerId, String email, String displayName, String passwordHash) {}

    private final JdbcClient db;

    PartnerUserTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<PartnerUser> findByEmail(String email) {
        return db.sql(
                        "select id, workspace_id, partner_id, email, display_name, password_hash from identity_partner_user where email = ?")
                .param(email)
                .query((rs, n) -> new PartnerUser(
                        rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    public void recordLogin(UUID id, Instant at) {
        db.sql("update identity_partner_user set last_login_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }
}
