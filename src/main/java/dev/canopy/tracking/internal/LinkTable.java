package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Cursors;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.LinkView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LinkTable {

    /** A stored link, before names and numbers from elsewhere are added. */
    public record Row(
            LinkId id,
            PartnerId partner,
            ProgramId program,
            String slug,
            String destination,
            LinkView.Utm utm,
            boolean personal,
            boolean disabled,
            Instant createdAt) {}

    /** A link as the redirect cache loads it. */
    public record Cached(Row link, WorkspaceId workspace, String ref, long version) {}

    private static final String COLUMNS =
            "l.id, l.partner_id, l.program_id, l.slug, l.destination, l.utm_source, l.utm_medium, l.utm_campaign,"
                    + " l.utm_term, l.utm_content, l.personal, l.disabled, l.created_at";

    private final JdbcClient db;

    LinkTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row link, Instant now) {
        db.sql("""
                        insert into tracking_link (id, workspace_id, partner_id, program_id, slug, destination, utm_source,
                          utm_medium, utm_campaign, utm_term, utm_content, personal, disabled, created_at, updated_at)
                        values (:id, :workspace, :partner, :program, :slug, :destination, :source, :medium, :campaign,
                          :term, :content, :personal, false, :now, :now)
                        """)
                .param("partner", link.partner().value())
                .param("program", link.program().value())
                .param("personal", link.personal())
                .params(columns(workspace, link, now))
                .update();
    }

    public void update(WorkspaceId workspace, Row link, Instant now) {
        db.sql("""
                        update tracking_link set slug = :slug, destination = :destination, utm_source = :source,
                          utm_medium = :medium, utm_campaign = :campaign, utm_term = :term, utm_content = :content,
                          disabled = :disabled, version = nextval('tracking_link_version'), updated_at = :now
                        where workspace_id = :workspace and id = :id
                        """)
                .param("disabled", link.disabled())
                .params(columns(workspace, link, now))
                .update();
    }

    /** The named parameters an insert and an update share. */
    private static java.util.Map<String, Object> columns(WorkspaceId workspace, Row link, Instant now) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("id", link.id().value());
        columns.put("workspace", workspace.value());
        columns.put("slug", link.slug());
        columns.put("destination", link.destination());
        columns.put("source", link.utm().source());
        columns.put("medium", link.utm().medium());
        columns.put("campaign", link.utm().campaign());
        columns.put("term", link.utm().term());
        columns.put("content", link.utm().content());
        columns.put("now", Timestamp.from(now));
        return columns;
    }

    public Optional<Row> find(WorkspaceId workspace, LinkId id) {
        return db.sql("select " + COLUMNS + " from tracking_link l where l.workspace_id = ? and l.id = ?")
                .params(workspace.value(), id.value())
                .query(LinkTable::row)
                .optional();
    }

    public boolean slugTaken(WorkspaceId workspace, String slug, LinkId except) {
        return db.sql("select exists (select 1 from tracking_link where workspace_id = ? and slug = ? and id <> ?)")
                .params(workspace.value(), slug, except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class)
                .single();
    }

    public boolean hasPersonal(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        return db.sql("""
                        select exists (select 1 from tracking_link
                                       where workspace_id = ? and partner_id = ? and program_id = ? and personal)
                        """)
                .params(workspace.value(), partner.value(), program.value())
                .query(Boolean.class)
                .single();
    }

    /** Links of a partner (or all, when null), optionally of one programme, newest first. */
    public List<Row> list(
            WorkspaceId workspace,
            PartnerId partner,
            ProgramId program,
            String query,
            Cursors.@Nullable Position after,
            int limit) {
        return db.sql("select " + COLUMNS + """
                         from tracking_link l
                        where l.workspace_id = :workspace
                          and (cast(:partner as uuid) is null or l.partner_id = :partner)
                          and (cast(:program as uuid) is null or l.program_id = :program)
                          and (cast(:q as text) is null or l.slug ilike '%' || :q || '%' or l.destination ilike '%' || :q || '%')
                          and (cast(:at as timestamptz) is null or (l.created_at, l.id) < (:at, :id))
                        order by l.created_at desc, l.id desc
                        limit :limit
                        """)
                .param("workspace", workspace.value())
                .param("partner", partner == null ? null : partner.value())
                .param("program", program == null ? null : program.value())
                .param("q", query == null || query.isBlank() ? null : query.strip())
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(LinkTable::row)
                .list();
    }

    /** Links changed after {@code version}, or in the last moments (a slower transaction may commit late). */
    public List<Cached> changedSince(long version, Instant since) {
        return db.sql("select " + COLUMNS + """
                        , l.workspace_id, r.ref, l.version
                        from tracking_link l
                        join tracking_partner_ref r on r.workspace_id = l.workspace_id and r.partner_id = l.partner_id
                        where l.version > ? or l.updated_at > ?
                        """)
                .params(version, Timestamp.from(since))
                .query((rs, n) -> new Cached(
                        row(rs, n),
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getString("ref"),
                        rs.getLong("version")))
                .list();
    }

    /** Clicks, leads and paying customers per link, for the links given. */
    public Map<UUID, LinkView.LinkStats> stats(WorkspaceId workspace, List<LinkId> links) {
        UUID[] ids = links.stream().map(LinkId::value).toArray(UUID[]::new);
        Map<UUID, LinkView.LinkStats> stats = new java.util.HashMap<>();
        db.sql("""
                        select l.id,
                          -- From the rollup: the raw clicks of old months are dropped after the retention.
                          (select coalesce(sum(d.clicks), 0) from tracking_click_day d
                            where d.workspace_id = l.workspace_id and d.link_id = l.id),
                          (select count(distinct a.customer_id) from tracking_attribution a
                             join tracking_click c on c.id = a.click_id and c.workspace_id = a.workspace_id
                            where a.workspace_id = l.workspace_id and c.link_id = l.id
                              and a.outcome in ('ATTRIBUTED', 'TAKEN_OVER')),
                          (select count(distinct a.customer_id) from tracking_attribution a
                             join tracking_click c on c.id = a.click_id and c.workspace_id = a.workspace_id
                             join tracking_customer cu on cu.id = a.customer_id and cu.partner_id = l.partner_id
                            where a.workspace_id = l.workspace_id and c.link_id = l.id
                              and a.outcome in ('ATTRIBUTED', 'TAKEN_OVER') and cu.first_sale_at is not null)
                        from tracking_link l where l.workspace_id = ? and l.id = any(?)
                        """)
                .params(workspace.value(), ids)
                .query((rs, n) -> stats.put(
                        rs.getObject(1, UUID.class),
                        new LinkView.LinkStats(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return stats;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new LinkId(rs.getObject("id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("slug"),
                rs.getString("destination"),
                new LinkView.Utm(
                        rs.getString("utm_source"),
                        rs.getString("utm_medium"),
                        rs.getString("utm_campaign"),
                        rs.getString("utm_term"),
                        rs.getString("utm_content")),
                rs.getBoolean("personal"),
                rs.getBoolean("disabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
