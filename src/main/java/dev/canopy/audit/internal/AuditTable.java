package dev.canopy.audit.internal;

import dev.canopy.audit.AuditEntry;
import dev.canopy.audit.AuditQuery;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditTable {

    private final JdbcClient db;

    AuditTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(
            WorkspaceId workspace,
            Instant at,
            Actor actor,
            String action,
            String subjectType,
            String subjectId,
            String before,
            String after,
            String clientIp) {
        db.sql("""
                        insert into audit_event (workspace_id, occurred_at, actor_kind, actor_id, actor_name, action,
                                                 subject_type, subject_id, before_state, after_state, client_ip)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                        """)
                .params(
                        workspace.value(),
                        Timestamp.from(at),
                        actor.kind().name(),
                        actor.id(),
                        actor.name(),
                        action,
                        subjectType,
                        subjectId,
                        before,
                        after,
                        clientIp)
                .update();
    }

    public List<AuditEntry> search(WorkspaceId workspace, AuditQuery query, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (query.action() != null) {
            sql.append(" and action = ?");
            params.add(query.action());
        }
        if (query.actor() != null) {
            sql.append(" and actor_name ilike ?");
            params.add("%" + escapeLike(query.actor()) + "%");
        }
        if (query.subject() != null) {
            sql.append(" and (subject_type ilike ? or subject_id = ?)");
            params.add("%" + escapeLike(query.subject()) + "%");
            params.add(query.subject());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.beforeId() != null) {
            sql.append(" and id < ?");
            params.add(query.beforeId());
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query(AuditTable::map).list();
    }

    public List<String> actions(WorkspaceId workspace) {
        return db.sql("select distinct action from audit_event where workspace_id = ? order by action")
                .param(workspace.value())
                .query(String.class)
                .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                new Actor(
                        Actor.Kind.valueOf(rs.getString("actor_kind")),
                        rs.getString("actor_id"),
                        rs.getString("actor_name")),
                rs.getString("action"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("client_ip"));
    }
}
