package dev.canopy.identity.internal;

import dev.canopy.identity.WorkspaceView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkspaceTable {

    private final JdbcClient db;

    WorkspaceTable(JdbcClient db) {
        this.db = db;
    }

    /** False when the slug is taken; the unique index decides, so two sign-ups cannot both win it. */
    public boolean insert(WorkspaceId id, String slug, String name, Instant now) {
        return db.sql("""
                        insert into identity_workspace (id, slug, name, created_at) values (?, ?, ?, ?)
                        on conflict (slug) do nothing
                        """).params(id.value(), slug, name, Timestamp.from(now)).update() == 1;
    }

    public boolean slugTaken(String slug) {
        return db.sql("select exists (select 1 from identity_workspace where slug = ?)")
                .param(slug)
                .query(Boolean.class)
                .single();
    }

    public Optional<WorkspaceView> find(WorkspaceId id) {
        return db.sql("select * from identity_workspace where id = ?")
                .param(id.value())
                .query(WorkspaceTable::map)
                .optional();
    }

    public Optional<WorkspaceView> findBySlug(String slug) {
        return db.sql("select * from identity_workspace where slug = ?")
                .param(slug)
                .query(WorkspaceTable::map)
                .optional();
    }

    public void update(WorkspaceId id, String name, String website, String timezone, String currency) {
        db.sql("update identity_workspace set name = ?, website = ?, timezone = ?, currency = ? where id = ?")
                .params(name, website, timezone, currency, id.value())
                .update();
    }

    private static WorkspaceView map(ResultSet rs, int row) throws SQLException {
        return new WorkspaceView(
                new WorkspaceId(rs.getObject("id", UUID.class)),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("website"),
                rs.getString("timezone"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant());
    }
}
