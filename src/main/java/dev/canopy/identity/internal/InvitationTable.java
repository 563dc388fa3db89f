package dev.canopy.identity.internal;

import dev.canopy.identity.InvitationView;
import dev.canopy.identity.Role;
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

@Repository
public class InvitationTable {

    /** An invitation found by its link, with the workspace it leads into. */
    public record Pending(InvitationView invitation, WorkspaceId workspaceId, String workspaceName) {}

    private static final String SELECT = """
            select i.id, i.workspace_id, w.name as workspace_name, i.email, i.role, a.display_name as invited_by,
                   i.created_at, i.expires_at, i.accepted_at, i.revoked_at
            from identity_invitation i
            join identity_account a on a.id = i.invited_by
            join identity_workspace w on w.id = i.workspace_id
            """;

    private final JdbcClient db;

    InvitationTable(JdbcClient db) {
        this.db = db;
    }

    /**
     * False when the address already has an open invitation here. An expired one is closed first, so
     * inviting someone again after the link ran out works.
     */
    public boolean insert(
            UUID id,
            WorkspaceId workspace,
            String email,
            Role role,
            String tokenHash,
            UUID invitedBy,
            Instant now,
            Instant expiresAt) {
        db.sql("""
                        update identity_invitation set revoked_at = expires_at
                        where workspace_id = ? and email = ? and accepted_at is null and revoked_at is null
                          and expires_at <= ?
                        """).params(workspace.value(), email, Timestamp.from(now)).update();
        return db.sql("""
                        insert into identity_invitation
                            (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(
                                id,
                                workspace.value(),
                                email,
                                role.name(),
                                tokenHash,
                                invitedBy,
                                Timestamp.from(now),
                                Timestamp.from(expiresAt))
                        .update()
                == 1;
    }

    public List<InvitationView> list(WorkspaceId workspace) {
        return db.sql(SELECT + " where i.workspace_id = ? order by i.created_at desc")
                .param(workspace.value())
                .query(InvitationTable::map)
                .list();
    }

    public Optional<InvitationView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where i.workspace_id = ? and i.id = ?")
                .params(workspace.value(), id)
                .query(InvitationTable::map)
                .optional();
    }

    public Optional<Pending> findByTokenHash(String tokenHash) {
        return db.sql(SELECT + " where i.token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Pending(
                        map(rs, n),
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getString("workspace_name")))
                .optional();
    }

    /** Marks it accepted unless it was accepted, revoked or expired meanwhile; true when this call did it. */
    public boolean accept(UUID id, Instant now) {
        return db.sql("""
                        update identity_invitation set accepted_at = ?
                        where id = ? and accepted_at is null and revoked_at is null and expires_at > ?
                        """).params(Timestamp.from(now), id, Timestamp.from(now)).update() == 1;
    }

    public boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql("""
                        update identity_invitation set revoked_at = ?
                        where workspace_id = ? and id = ? and accepted_at is null and revoked_at is null
                        """).params(Timestamp.from(now), workspace.value(), id).update() == 1;
    }

    /** A new link and a new expiry for an open invitation; the old link stops working. */
    public boolean renew(WorkspaceId workspace, UUID id, String tokenHash, Instant expiresAt) {
        return db.sql("""
                        update identity_invitation set token_hash = ?, expires_at = ?
                        where workspace_id = ? and id = ? and accepted_at is null and revoked_at is null
                        """)
                        .params(tokenHash, Timestamp.from(expiresAt), workspace.value(), id)
                        .update()
                == 1;
    }

    private static InvitationView map(ResultSet rs, int row) throws SQLException {
        return new InvitationView(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getString("invited_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
