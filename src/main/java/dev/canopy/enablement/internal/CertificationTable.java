package dev.canopy.enablement.internal;

import dev.canopy.enablement.CertificationView;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certifications: their courses and validity. */
@Repository
public class CertificationTable {

    private static final String COLUMNS = "id, name, description, course_ids, valid_months, archived_at, created_at";

    private final JdbcClient db;

    CertificationTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(
            WorkspaceId workspace,
            UUID id,
            String name,
            String description,
            List<UUID> courses,
            @Nullable Integer validMonths,
            Instant at) {
        db.sql("""
                        insert into enablement_certification (id, workspace_id, name, description, course_ids,
                                                              valid_months, created_at, updated_at)
                        values (:id, :workspace, :name, :description, :courses, :months, :at, :at)
                        """)
                .param("id", id)
                .param("workspace", workspace.value())
                .param("name", name)
                .param("description", description)
                .param("courses", courses.toArray(UUID[]::new))
                .param("months", validMonths)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<CertificationView> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from enablement_certification where workspace_id = :workspace"
                        + " and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(CertificationTable::row)
                .optional();
    }

    public List<CertificationView> list(WorkspaceId workspace) {
        return db.sql("select " + COLUMNS + " from enablement_certification where workspace_id = :workspace"
                        + " and archived_at is null order by name, id limit 500")
                .param("workspace", workspace.value())
                .query(CertificationTable::row)
                .list();
    }

    /** The certifications a completed course counts toward. */
    public List<CertificationView> including(WorkspaceId workspace, UUID course) {
        return db.sql("select " + COLUMNS + " from enablement_certification where workspace_id = :workspace"
                        + " and archived_at is null and :course = any (course_ids)")
                .param("workspace", workspace.value())
                .param("course", course)
                .query(CertificationTable::row)
                .list();
    }

    private static CertificationView row(ResultSet rs, int n) throws SQLException {
        Object months = rs.getObject("valid_months");
        return new CertificationView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                Arrays.asList((UUID[]) rs.getArray("course_ids").getArray()),
                months == null ? null : ((Number) months).intValue(),
                rs.getTimestamp("archived_at") != null,
                rs.getTimestamp("created_at").toInstant());
    }
}
