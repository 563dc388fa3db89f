package dev.canopy.identity.internal;

import dev.canopy.identity.MemberView;
import dev.canopy.identity.Role;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MembershipTable {

    /** A workspace an account belongs to, for the sign-in and the workspace switcher. */
    public record Membership(WorkspaceId workspaceId, String workspaceSlug, String workspaceName, Role role) {}

    private final JdbcClient db;

    MembershipTable(JdbcClient db) {
        this.db = db;
    }

    /** False when the account already belongs to the workspace. */
    public boolean insert(WorkspaceId workspace, UUID accountId, Role role, Instant now) {
        return db.sql("""
                        insert into identity_membership (workspace_id, account_id, role, joined_at) values (?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(workspace.value(), accountId, role.name(), Timestamp.from(now))
                        .update()
                == 1;
    }

    public List<MemberView> members(WorkspaceId workspace) {
        return db.sql("""
                        select a.id, a.email, a.display_name, m.role, m.joined_at, a.last_login_at
                        from identity_membership m join identity_account a on a.id = m.account_id
                        where m.workspace_id = ? order by a.display_name, a.email
                        """)
                .param(workspace.value())
                .query(MembershipTable::mapMember)
                .list();
    }

    public Optional<MemberView> member(WorkspaceId workspace, UUID accountId) {
        return db.sql("""
                        select a.id, a.email, a.display_name, m.role, m.joined_at, a.last_login_at
                        from identity_membership m join identity_account a on a.id = m.account_id
                        where m.workspace_id = ? and m.account_id = ?
                        """)
                .params(workspace.value(), accountId)
                .query(MembershipTable::mapMember)
                .optional();
    }

    public Optional<MemberView> memberByEmail(WorkspaceId workspace, String email) {
        return db.sql("""
                        select a.id, a.email, a.display_name, m.role, m.joined_at, a.last_login_at
                        from identity_membership m join identity_account a on a.id = m.account_id
                        where m.workspace_id = ? and a.email = ?
                        """)
                .params(workspace.value(), email)
                .query(MembershipTable::mapMember)
                .optional();
    }

    /** Every workspace of an account, oldest membership first. */
    public List<Membership> memberships(UUID accountId) {
        return db.sql("""
                        select w.id, w.slug, w.name, m.role
                        from identity_membership m join identity_workspace w on w.id = m.workspace_id
                        where m.account_id = ? order by m.joined_at, w.name
                        """)
                .param(accountId)
                .query((rs, n) -> new Membership(
                        new WorkspaceId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        Role.valueOf(rs.getString(4))))
                .list();
    }

    public int countOwners(WorkspaceId workspace) {
        return db.sql("select count(*) from identity_membership where workspace_id = ? and role = 'OWNER'")
                .param(workspace.value())
                .query(Integer.class)
                .single();
    }

    public void changeRole(WorkspaceId workspace, UUID accountId, Role role) {
        db.sql("update identity_membership set role = ? where workspace_id = ? and account_id = ?")
                .params(role.name(), workspace.value(), accountId)
                .update();
    }

    public void delete(WorkspaceId workspace, UUID accountId) {
        db.sql("delete from identity_membership where workspace_id = ? and account_id = ?")
                .params(workspace.value(), accountId)
                .update();
    }

    /** Locks the workspace's memberships so that two concurrent owner changes cannot leave it ownerless. */
    public void lock(WorkspaceId workspace) {
        db.sql("select 1 from identity_membership where workspace_id = ? for update")
                .param(workspace.value())
                .query(Integer.class)
                .list();
    }

    private static MemberView mapMember(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp lastLogin = rs.getTimestamp(6);
        return new MemberView(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }
}
