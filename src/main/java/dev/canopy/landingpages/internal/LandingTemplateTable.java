package dev.canopy.landingpages.internal;

import dev.canopy.landingpages.Section;
import dev.canopy.landingpages.TemplateView;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The vendor's landing page templates, every query within one workspace. */
@Repository
public class LandingTemplateTable {

    private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {};

    private static final String SELECT = """
            select t.id, t.name, t.headline, t.sections, t.cta_label, t.published, t.updated_at, t.updated_by,
                   (select count(*) from landingpages_page p
                    where p.workspace_id = t.workspace_id and p.template_id = t.id) as pages
            from landingpages_template t where t.workspace_id = :workspace
            """;

    private final JdbcClient db;
    private final JsonMapper json;

    LandingTemplateTable(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Every template, by name. */
    public List<TemplateView> all(WorkspaceId workspace) {
        return db.sql(SELECT + " order by lower(t.name), t.id")
                .param("workspace", workspace.value())
                .query(this::view)
                .list();
    }

    public Optional<TemplateView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " and t.id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(this::view)
                .optional();
    }

    public void insert(WorkspaceId workspace, UUID id, TemplateChecks.Checked t, Instant at, String by) {
        db.sql("""
                        insert into landingpages_template (workspace_id, id, name, headline, sections, cta_label,
                                                           published, created_at, updated_at, updated_by)
                        values (:workspace, :id, :name, :headline, cast(:sections as jsonb), :cta, false, :at, :at, :by)
                        """)
                .param("workspace", workspace.value())
                .param("id", id)
                .param("name", t.name())
                .param("headline", t.headline())
                .param("sections", json.writeValueAsString(t.sections()))
                .param("cta", t.ctaLabel())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    public void update(WorkspaceId workspace, UUID id, TemplateChecks.Checked t, Instant at, String by) {
        db.sql("""
                        update landingpages_template
                        set name = :name, headline = :headline, sections = cast(:sections as jsonb), cta_label = :cta,
                            updated_at = :at, updated_by = :by
                        where workspace_id = :workspace and id = :id
                        """)
                .param("workspace", workspace.value())
                .param("id", id)
                .param("name", t.name())
                .param("headline", t.headline())
                .param("sections", json.writeValueAsString(t.sections()))
                .param("cta", t.ctaLabel())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Publishes or withdraws the template; false when it already was so (nothing to tell). */
    public boolean publish(WorkspaceId workspace, UUID id, boolean published, Instant at, String by) {
        return db.sql("""
                        update landingpages_template set published = :published, updated_at = :at, updated_by = :by
                        where workspace_id = :workspace and id = :id and published <> :published
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("published", published)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                > 0;
    }

    private TemplateView view(ResultSet rs, int n) throws SQLException {
        return new TemplateView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("headline"),
                json.readValue(rs.getString("sections"), SECTIONS),
                rs.getString("cta_label"),
                rs.getBoolean("published"),
                rs.getLong("pages"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
