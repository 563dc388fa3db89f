package dev.canopy.identity.internal;

import dev.canopy.identity.PartnerRole;
import dev.canopy.identity.PartnerUserView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users of partner companies: they sign in to the partner portal only. */
@Repository
public class PartnerUserTable {

    /** What sign-in needs. */
    public record Credential(
            UUID id,
            WorkspaceId workspaceId,
            UUID partnerId,
            String email,
            String displayName,
            String passwordHash,
            PartnerRole role) {}

    /** An open invitation, found by its link. */
    public record Invitation(UUID id, WorkspaceId workspaceId, UUID partnerId, String email, String displayName) {}

    private static final String VIEW =
            "select id, partner_id, email, display_name, role, password_hash is not null as joined, last_login_at from identity_partner_user";

    private final JdbcClient db;

    PartnerUserTable(JdbcClient db) {
        this.db = db;
    }

    /** False when the address already has a partner user (one address is one partner identity). */
    public boolean insertInvited(
            UUID id,
            WorkspaceId workspace,
            UUID partnerId,
            String email,
            String displayName,
            PartnerRole role,
            String tokenHash,
            Instant now,
            Instant expiresAt) {
        return db.sql("""
                        insert into identity_partner_user (id, workspace_id, partner_id, email, display_name, role,
                                                           invitation_token_hash, invitation_expires_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (email) do nothing
                        """)
                        .params(
                                id,
                                workspace.value(),
                                partnerId,
                                email,
                                displayName,
                                role.name(),
                                tokenHash,
                                Timestamp.from(expiresAt),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A user who may sign in: joined, not removed, and their company's portal open. */
    public Optional<Credential> credential(String email) {
        return db.sql("""
                        select id, workspace_id, partner_id, email, display_name, password_hash, role from identity_partner_user
                        where email = ? and password_hash is not null and removed_at is null and not access_blocked
                        """)
                .param(email)
                .query((rs, n) -> new Credential(
                        rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        PartnerRole.valueOf(rs.getString(7))))
                .optional();
    }

    public Optional<Invitation> invitation(String tokenHash, Instant now) {
        return db.sql("""
                        select id, workspace_id, partner_id, email, display_name from identity_partner_user
                        where invitation_token_hash = ? and invitation_expires_at > ? and removed_at is null
                        """)
                .params(tokenHash, Timestamp.from(now))
                .query((rs, n) -> new Invitation(
                        rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    /** Sets the password and uses up the invitation; false when it was used or expired meanwhile. */
    public boolean join(UUID id, String displayName, String passwordHash, Instant now) {
        return db.sql("""
                        update identity_partner_user
                        set password_hash = ?, display_name = ?, invitation_token_hash = null, invitation_expires_at = null
                        where id = ? and invitation_token_hash is not null and invitation_expires_at > ?
                        """)
                        .params(passwordHash, displayName, id, Timestamp.from(now))
                        .update()
                == 1;
    }

    public List<PartnerUserView> list(WorkspaceId workspace, UUID partnerId) {
        return db.sql(VIEW + " where workspace_id = ? and partner_id = ? and removed_at is null order by display_name")
                .params(workspace.value(), partnerId)
                .query(PartnerUserTable::map)
                .list();
    }

    public Optional<PartnerUserView> find(WorkspaceId workspace, UUID id) {
        return db.sql(VIEW + " where workspace_id = ? and id = ? and removed_at is null")
                .params(workspace.value(), id)
                .query(PartnerUserTable::map)
                .optional();
    }

    public void remove(WorkspaceId workspace, UUID id, Instant now) {
        db.sql("""
                        update identity_partner_user set removed_at = ?, password_hash = null, invitation_token_hash = null,
                               email = email || '#removed-' || id
                        where workspace_id = ? and id = ?
                        """).params(Timestamp.from(now), workspace.value(), id).update();
    }

    public void blockAccess(WorkspaceId workspace, UUID partnerId, boolean blocked) {
        db.sql("update identity_partner_user set access_blocked = ? where workspace_id = ? and partner_id = ?")
                .params(blocked, workspace.value(), partnerId)
                .update();
    }

    /** Records the sign-in and answers the language the user chose for the portal, if any. */
    public Optional<String> recordLogin(UUID id, Instant at) {
        return db.sql("update identity_partner_user set last_login_at = ? where id = ? returning language")
                .params(Timestamp.from(at), id)
                .query(String.class)
                .optional();
    }

    public void setLanguage(UUID id, String tag) {
        db.sql("update identity_partner_user set language = ? where id = ?")
                .params(tag, id)
                .update();
    }

    private static PartnerUserView map(ResultSet rs, int row) throws SQLException {
        Timestamp lastLogin = rs.getTimestamp(7);
        return new PartnerUserView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                PartnerRole.valueOf(rs.getString(5)),
                rs.getBoolean(6),
                lastLogin == null ? null : lastLogin.toInstant());
    }
}
