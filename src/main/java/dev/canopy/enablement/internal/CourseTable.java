package dev.canopy.enablement.internal;

import dev.canopy.enablement.Audience;
import dev.canopy.enablement.CourseState;
import dev.canopy.enablement.CourseView;
import dev.canopy.enablement.LessonView;
import dev.canopy.enablement.Viewer;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Courses: what they teach and who they are assigned to. A partner is assigned a course while it is published and
 * its audience admits the partner ({@link AudienceColumns}), so a tier change brings the new tier's courses at once.
 */
@Repository
public class CourseTable {

    /** A course as stored, without its lessons. */
    public record Row(
            UUID id,
            String title,
            String description,
            Audience audience,
            @Nullable Instant publishedAt,
            @Nullable Instant archivedAt,
            Instant createdAt,
            Instant updatedAt) {

        public CourseView view(List<LessonView> lessons) {
            return new CourseView(
                    id,
                    title,
                    description,
                    audience,
                    CourseState.of(publishedAt, archivedAt),
                    lessons,
                    createdAt,
                    updatedAt);
        }
    }

    private static final String COLUMNS = "c.id, c.title, c.description, c.published_at, c.archived_at, c.created_at,"
            + " c.updated_at, c." + AudienceColumns.NAMES.replace(", ", ", c.");

    private static final String ASSIGNED =
            "c.published_at is not null and c.archived_at is null and " + AudienceColumns.admits("c");

    private final JdbcClient db;

    CourseTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row row) {
        db.sql("insert into enablement_course (id, workspace_id, title, description, " + AudienceColumns.NAMES
                        + ", created_at, updated_at) values (:id, :workspace, :title, :description, "
                        + AudienceColumns.VALUES + ", :at, :at)")
                .param("id", row.id())
                .param("workspace", workspace.value())
                .param("title", row.title())
                .param("description", row.description())
                .param("at", Timestamp.from(row.createdAt()))
                .params(AudienceColumns.values(row.audience()))
                .update();
    }

    public void update(
            WorkspaceId workspace, UUID id, String title, String description, Audience audience, Instant at) {
        db.sql("""
                        update enablement_course
                        set title = :title, description = :description, audience_match = :match,
                            program_ids = :programIds, tier_ids = :tierIds, partner_types = :partnerTypes,
                            regions = :regionList, partner_ids = :partnerIds, updated_at = :at
                        where workspace_id = :workspace and id = :id
                        """)
                .param("id", id)
                .param("workspace", workspace.value())
                .param("title", title)
                .param("description", description)
                .param("at", Timestamp.from(at))
                .params(AudienceColumns.values(audience))
                .update();
    }

    /** Sets (or, with null, clears) when the course was published or archived. */
    public void setState(WorkspaceId workspace, UUID id, String column, @Nullable Instant value, Instant at) {
        if (!column.equals("published_at") && !column.equals("archived_at")) {
            throw new IllegalArgumentException(column);
        }
        db.sql("update enablement_course set " + column + " = :value, updated_at = :at"
                        + " where workspace_id = :workspace and id = :id")
                .param("id", id)
                .param("workspace", workspace.value())
                .param("value", value == null ? null : Timestamp.from(value))
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS
                        + " from enablement_course c where c.workspace_id = :workspace and c.id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(CourseTable::row)
                .optional();
    }

    /** The course, if it is assigned to {@code viewer} now. */
    public Optional<Row> findAssigned(WorkspaceId workspace, UUID id, Viewer viewer, Instant now) {
        return db.sql("select " + COLUMNS + " from enablement_course c where c.workspace_id = :workspace"
                        + " and c.id = :id and " + ASSIGNED)
                .param("workspace", workspace.value())
                .param("id", id)
                .params(AudienceColumns.viewer(viewer, now))
                .query(CourseTable::row)
                .optional();
    }

    public List<Row> list(WorkspaceId workspace, boolean archived) {
        return db.sql("select " + COLUMNS + " from enablement_course c where c.workspace_id = :workspace"
                        + (archived ? "" : " and c.archived_at is null") + " order by c.title, c.id limit 500")
                .param("workspace", workspace.value())
                .query(CourseTable::row)
                .list();
    }

    /** The courses assigned to {@code viewer} now. */
    public List<Row> assigned(WorkspaceId workspace, Viewer viewer, Instant now) {
        return db.sql("select " + COLUMNS + " from enablement_course c where c.workspace_id = :workspace and "
                        + ASSIGNED + " order by c.title, c.id limit 500")
                .param("workspace", workspace.value())
                .params(AudienceColumns.viewer(viewer, now))
                .query(CourseTable::row)
                .list();
    }

    /** Locks the course, so that lessons added at once take distinct places. */
    public void lock(WorkspaceId workspace, UUID id) {
        db.sql("select id from enablement_course where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                AudienceColumns.read(rs),
                instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("archived_at")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
