package dev.canopy.landingpages.internal;

import dev.canopy.partners.PartnerId;
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

/** Partners' landing pages, every query within one workspace. The logo's bytes are read only to serve them. */
@Repository
public class LandingPageTable {

    /** A stored page, without its logo's bytes; {@code published} is its template's. */
    public record Row(
            PartnerId partner,
            UUID template,
            String templateName,
            boolean published,
            String slug,
            boolean enabled,
            @Nullable String text,
            @Nullable String contactEmail,
            @Nullable String contactPhone,
            boolean hasLogo,
            long leads,
            Instant updatedAt) {}

    /** What the partner sets; the logo is set on its own. */
    public record Settings(
            UUID template,
            String slug,
            boolean enabled,
            @Nullable String text,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {}

    private static final String SELECT = """
            select p.partner_id, p.template_id, t.name as template_name, t.published, p.slug, p.enabled, p.text,
                   p.contact_email, p.contact_phone, p.logo is not null as has_logo, p.updated_at,
                   (select count(*) from landingpages_lead l
                    where l.workspace_id = p.workspace_id and l.partner_id = p.partner_id) as leads
            from landingpages_page p
            join landingpages_template t on t.workspace_id = p.workspace_id and t.id = p.template_id
            where p.workspace_id = :workspace
            """;

    private final JdbcClient db;

    LandingPageTable(JdbcClient db) {
        this.db = db;
    }

    public List<Row> all(WorkspaceId workspace) {
        return db.sql(SELECT + " order by p.slug")
                .param("workspace", workspace.value())
                .query(LandingPageTable::row)
                .list();
    }

    public Optional<Row> find(WorkspaceId workspace, PartnerId partner) {
        return db.sql(SELECT + " and p.partner_id = :partner")
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .query(LandingPageTable::row)
                .optional();
    }

    public Optional<Row> bySlug(WorkspaceId workspace, String slug) {
        return db.sql(SELECT + " and p.slug = :slug")
                .param("workspace", workspace.value())
                .param("slug", slug)
                .query(LandingPageTable::row)
                .optional();
    }

    public boolean slugTaken(WorkspaceId workspace, String slug, PartnerId except) {
        return db.sql("""
                        select exists(select 1 from landingpages_page
                                      where workspace_id = :workspace and slug = :slug and partner_id <> :partner)
                        """)
                .param("workspace", workspace.value())
                .param("slug", slug)
                .param("partner", except.value())
                .query(Boolean.class)
                .single();
    }

    public void save(WorkspaceId workspace, PartnerId partner, Settings s, Instant at, String by) {
        db.sql("""
                        insert into landingpages_page (workspace_id, partner_id, template_id, slug, enabled, text,
                                                       contact_email, contact_phone, updated_at, updated_by)
                        values (:workspace, :partner, :template, :slug, :enabled, :text, :email, :phone, :at, :by)
                        on conflict (workspace_id, partner_id) do update
                        set template_id = excluded.template_id, enabled = excluded.enabled, text = excluded.text,
                            contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .param("template", s.template())
                .param("slug", s.slug())
                .param("enabled", s.enabled())
                .param("text", s.text())
                .param("email", s.contactEmail())
                .param("phone", s.contactPhone())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
    }

    /** Sets the logo of a page that exists; false when the partner has no page yet. */
    public boolean logo(WorkspaceId workspace, PartnerId partner, LandingLogos.Resized logo, Instant at, String by) {
        return db.sql("""
                        update landingpages_page set logo = :logo, logo_width = :width, logo_height = :height,
                                                     updated_at = :at, updated_by = :by
                        where workspace_id = :workspace and partner_id = :partner
                        """)
                        .param("workspace", workspace.value())
                        .param("partner", partner.value())
                        .param("logo", logo.png())
                        .param("width", logo.width())
                        .param("height", logo.height())
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                > 0;
    }

    public Optional<byte[]> logoBytes(WorkspaceId workspace, PartnerId partner) {
        return db.sql(
                        "select logo from landingpages_page where workspace_id = ? and partner_id = ? and logo is not null")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getObject("template_id", UUID.class),
                rs.getString("template_name"),
                rs.getBoolean("published"),
                rs.getString("slug"),
                rs.getBoolean("enabled"),
                rs.getString("text"),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                rs.getBoolean("has_logo"),
                rs.getLong("leads"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
