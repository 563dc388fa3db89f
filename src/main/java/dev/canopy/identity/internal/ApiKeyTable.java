package dev.canopy.identity.internal;

import dev.canopy.identity.ApiKeyScope;
import dev.canopy.identity.ApiKeyView;
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
public class ApiKeyTable {

    /** What authenticating a request needs: looked up by the key's public prefix. */
    public record Credential(
            UUID id,
            WorkspaceId workspaceId,
            String name,
            ApiKeyScope scope,
            String secretHash,
            UUID createdBy,
            boolean revoked) {}

    private static final String SELECT = """
            select k.id, k.name, k.prefix, k.scope, a.display_name as created_by, k.created_at, k.last_used_at, k.revoked_at
            from identity_api_key k join identity_account a on a.id = k.created_by
            """;

    private final JdbcClient db;

    ApiKeyTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(
            UUID id,
            WorkspaceId workspace,
            String name,
            String prefix,
            String secretHash,
            ApiKeyScope scope,
            UUID createdBy,
            Instant now) {
        db.sql("""
                        insert into identity_api_key (id, workspace_id, name, prefix, secret_hash, scope, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, workspace.value(), name, prefix, secretHash, scope.name(), createdBy, Timestamp.from(now))
                .update();
    }

    public List<ApiKeyView> list(WorkspaceId workspace) {
        return db.sql(SELECT + " where k.workspace_id = ? order by k.revoked_at nulls first, k.created_at desc")
                .param(workspace.value())
                .query(ApiKeyTable::map)
                .list();
    }

    public Optional<ApiKeyView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where k.workspace_id = ? and k.id = ?")
                .params(workspace.value(), id)
                .query(ApiKeyTable::map)
                .optional();
    }

    public Optional<Credential> credential(String prefix) {
        return db.sql(
                        "select id, workspace_id, name, scope, secret_hash, created_by, revoked_at is not null from identity_api_key where prefix = ?")
                .param(prefix)
                .query((rs, n) -> new Credential(
                        rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        ApiKeyScope.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getBoolean(7)))
                .optional();
    }

    public boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql(
                                "update identity_api_key set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                        .params(Timestamp.from(now), workspace.value(), id)
                        .update()
                == 1;
    }

    /** Records use at most once a minute per key, so a busy key does not turn into a hot row. */
    public void touch(UUID id, Instant now) {
        db.sql("""
                        update identity_api_key set last_used_at = ?
                        where id = ? and (last_used_at is null or last_used_at < ?)
                        """)
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60)))
                .update();
    }

    private static ApiKeyView map(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                ApiKeyScope.valueOf(rs.getString("scope")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
