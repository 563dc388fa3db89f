package dev.canopy.directory.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
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

/** Partners' listings, every query within one workspace. */
@Repository
public class ListingTable {

    /** A stored listing: the partner's words and choices, and staff's hiding. */
    public record Row(
            PartnerId partner,
            String slug,
            boolean optedIn,
            boolean hidden,
            @Nullable String hiddenReason,
            @Nullable String description,
            @Nullable String website,
            @Nullable String contactEmail,
            List<String> services,
            List<String> industries,
            List<String> regions,
            @Nullable Instant updatedAt) {}

    private static final String SELECT = """
            select partner_id, slug, opted_in, hidden, hidden_reason, description, website, contact_email, services,
                   industries, regions, updated_at
            from directory_listing where workspace_id = :workspace
            """;

    private final JdbcClient db;

    ListingTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<Row> find(WorkspaceId workspace, PartnerId partner) {
        return db.sql(SELECT + " and partner_id = :partner")
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .query(ListingTable::row)
                .optional();
    }

    public Optional<Row> bySlug(WorkspaceId workspace, String slug) {
        return db.sql(SELECT + " and slug = :slug")
                .param("workspace", workspace.value())
                .param("slug", slug)
                .query(ListingTable::row)
                .optional();
    }

    /** Every listing of the workspace, staff's view. */
    public List<Row> all(WorkspaceId workspace) {
        return db.sql(SELECT)
                .param("workspace", workspace.value())
                .query(ListingTable::row)
                .list();
    }

    /** The listings the public may see: opted in and not hidden. */
    public List<Row> listed(WorkspaceId workspace) {
        return db.sql(SELECT + " and opted_in and not hidden")
                .param("workspace", workspace.value())
                .query(ListingTable::row)
                .list();
    }

    /** Stores the listing whole, its slug kept from the first save. */
    public void save(WorkspaceId workspace, Row row, String by) {
        db.sql("""
                        insert into directory_listing (workspace_id, partner_id, slug, opted_in, hidden, hidden_reason,
                                                       description, website, contact_email, services, industries,
                                                       regions, updated_at, updated_by)
                        values (:workspace, :partner, :slug, :optedIn, :hidden, :hiddenReason, :description, :website,
                                :contactEmail, :services, :industries, :regions, :at, :by)
                        on conflict (workspace_id, partner_id) do update
                            set opted_in = excluded.opted_in, hidden = excluded.hidden,
                                hidden_reason = excluded.hidden_reason, description = excluded.description,
                                website = excluded.website, contact_email = excluded.contact_email,
                                services = excluded.services, industries = excluded.industries,
                                regions = excluded.regions, updated_at = excluded.updated_at,
                                updated_by = excluded.updated_by
                        """)
                .param("workspace", workspace.value())
                .param("partner", row.partner().value())
                .param("slug", row.slug())
                .param("optedIn", row.optedIn())
                .param("hidden", row.hidden())
                .param("hiddenReason", row.hiddenReason())
                .param("description", row.description())
                .param("website", row.website())
                .param("contactEmail", row.contactEmail())
                .param("services", row.services().toArray(String[]::new))
                .param("industries", row.industries().toArray(String[]::new))
                .param("regions", row.regions().toArray(String[]::new))
                .param("at", Timestamp.from(row.updatedAt()))
                .param("by", by)
                .update();
    }

    /** Whether another partner's listing has the slug. */
    public boolean slugTaken(WorkspaceId workspace, String slug, PartnerId except) {
        return db.sql("select exists (select 1 from directory_listing where workspace_id = :workspace and slug = :slug"
                        + " and partner_id <> :partner)")
                .param("workspace", workspace.value())
                .param("slug", slug)
                .param("partner", except.value())
                .query(Boolean.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("slug"),
                rs.getBoolean("opted_in"),
                rs.getBoolean("hidden"),
                rs.getString("hidden_reason"),
                rs.getString("description"),
                rs.getString("website"),
                rs.getString("contact_email"),
                strings(rs, "services"),
                strings(rs, "industries"),
                strings(rs, "regions"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
