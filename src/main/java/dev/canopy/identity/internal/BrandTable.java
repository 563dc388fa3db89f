package dev.canopy.identity.internal;

import dev.canopy.identity.Brand;
import dev.canopy.identity.Branding;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each workspace's brand; a workspace without a row has Canopy's look. */
@Repository
public class BrandTable {

    private static final String SELECT = """
            select w.id, w.slug, w.name, b.portal_name, b.color, b.logo is not null as has_logo, b.updated_at
            from identity_workspace w left join identity_brand b on b.workspace_id = w.id
            """;

    private final JdbcClient db;

    BrandTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<Brand> find(WorkspaceId workspace) {
        return db.sql(SELECT + " where w.id = ?")
                .param(workspace.value())
                .query((rs, n) -> brand(rs))
                .optional();
    }

    public Optional<Brand> findBySlug(String slug) {
        return db.sql(SELECT + " where w.slug = ?")
                .param(slug)
                .query((rs, n) -> brand(rs))
                .optional();
    }

    public void saveLook(WorkspaceId workspace, String portalName, String color, Instant now) {
        db.sql("""
                        insert into identity_brand (workspace_id, portal_name, color, updated_at) values (?, ?, ?, ?)
                        on conflict (workspace_id) do update
                            set portal_name = excluded.portal_name, color = excluded.color, updated_at = excluded.updated_at
                        """)
                .params(workspace.value(), portalName, color, Timestamp.from(now))
                .update();
    }

    /** Sets the logo, or takes it away ({@code bytes} null). */
    public void saveLogo(WorkspaceId workspace, byte[] bytes, String type, Instant now) {
        db.sql("""
                        insert into identity_brand (workspace_id, logo, logo_type, updated_at) values (?, ?, ?, ?)
                        on conflict (workspace_id) do update
                            set logo = excluded.logo, logo_type = excluded.logo_type, updated_at = excluded.updated_at
                        """).params(workspace.value(), bytes, type, Timestamp.from(now)).update();
    }

    public Optional<Branding.Logo> logo(String slug) {
        return db.sql("""
                        select b.logo, b.logo_type, b.updated_at from identity_brand b
                        join identity_workspace w on w.id = b.workspace_id
                        where w.slug = ? and b.logo is not null
                        """)
                .param(slug)
                .query((rs, n) -> new Branding.Logo(
                        rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private static Brand brand(java.sql.ResultSet rs) throws java.sql.SQLException {
        String name = rs.getString("name");
        String portalName = rs.getString("portal_name");
        String color = rs.getString("color");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Brand(
                name,
                rs.getString("slug"),
                portalName == null ? name + " partner portal" : portalName,
                color == null ? Brand.CANOPY_GREEN : color,
                rs.getBoolean("has_logo"),
                updated == null ? 0 : updated.toInstant().toEpochMilli());
    }
}
