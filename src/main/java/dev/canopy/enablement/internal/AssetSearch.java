package dev.canopy.enablement.internal;

import dev.canopy.deals.DealStage;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.Viewer;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What readers find in the library: staff searching it, and a partner searching, browsing folders, opening an asset
 * or reading recommendations. What a partner may see is decided here in SQL ({@link #VISIBLE}, the same rule as
 * {@link Audience#admits}), so that no list, search or count holds an asset outside its reader's audience.
 */
@Repository
public class AssetSearch {

    /** Which assets a search asks for: words (any prefix of each), a folder, and archived ones too or not. */
    public record Query(@Nullable String words, @Nullable String folder, boolean archived, int limit) {}

    /** The asset is live now and its audience admits the viewer (:partner, :programs, :tiers, :types, :regions). */
    private static final String VISIBLE = """
            a.archived_at is null
            and (a.publish_from is null or a.publish_from <= :now)
            and (a.expire_on is null or a.expire_on > :now)
            and """ + AudienceColumns.admits("a");

    private final JdbcClient db;

    AssetSearch(JdbcClient db) {
        this.db = db;
    }

    /** The asset, if {@code viewer} may see it now. */
    public Optional<AssetTable.Row> findVisible(WorkspaceId workspace, UUID id, Viewer viewer, Instant now) {
        return db.sql("select " + AssetTable.COLUMNS + AssetTable.FROM
                        + " where a.workspace_id = :workspace and a.id = :id and " + VISIBLE)
                .param("workspace", workspace.value())
                .param("id", id)
                .params(AudienceColumns.viewer(viewer, now))
                .query(AssetTable::row)
                .optional();
    }

    /** The workspace's assets as staff search them. */
    public List<AssetTable.Row> search(WorkspaceId workspace, Query query) {
        String where = " where a.workspace_id = :workspace" + (query.archived() ? "" : " and a.archived_at is null");
        return search(where, workspace, query, Map.of());
    }

    /** The assets {@code viewer} may see now, searched. */
    public List<AssetTable.Row> searchVisible(WorkspaceId workspace, Query query, Viewer viewer, Instant now) {
        return search(
                " where a.workspace_id = :workspace and " + VISIBLE,
                workspace,
                query,
                AudienceColumns.viewer(viewer, now));
    }

    /** The folders in use, for the library's side list. */
    public List<String> folders(WorkspaceId workspace) {
        return db.sql("select distinct folder from enablement_asset where workspace_id = :workspace"
                        + " and archived_at is null and folder <> '' order by folder")
                .param("workspace", workspace.value())
                .query(String.class)
                .list();
    }

    /**
     * What {@code viewer} may see now that names one of {@code products} (in any case) or {@code stage}: the most
     * matches first, then by title.
     */
    public List<AssetTable.Row> recommended(
            WorkspaceId workspace,
            Viewer viewer,
            Instant now,
            List<String> products,
            @Nullable DealStage stage,
            @Nullable String industry,
            int limit) {
        String score = "(select count(*) from unnest(a.products) p where lower(p) = any (:wanted::text[]))"
                + " + case when :stage = any (a.deal_stages) then 1 else 0 end"
                + " + (select count(*) from unnest(a.industries) i where lower(i) = :industry)";
        return db.sql("select " + AssetTable.COLUMNS + AssetTable.FROM + " where a.workspace_id = :workspace and "
                        + VISIBLE + " and " + score + " > 0 order by " + score + " desc, a.title, a.id limit :limit")
                .param("workspace", workspace.value())
                .params(AudienceColumns.viewer(viewer, now))
                .param(
                        "wanted",
                        products.stream().map(p -> p.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .param("stage", stage == null ? "" : stage.name())
                .param("industry", industry == null ? "" : industry.strip().toLowerCase(Locale.ROOT))
                .param("limit", limit)
                .query(AssetTable::row)
                .list();
    }

    /** The folders holding something {@code viewer} may see now: a folder of hidden assets is hidden too. */
    public List<String> foldersVisible(WorkspaceId workspace, Viewer viewer, Instant now) {
        return db.sql("select distinct a.folder from enablement_asset a where a.workspace_id = :workspace"
                        + " and a.folder <> '' and " + VISIBLE + " order by a.folder")
                .param("workspace", workspace.value())
                .params(AudienceColumns.viewer(viewer, now))
                .query(String.class)
                .list();
    }

    private List<AssetTable.Row> search(String where, WorkspaceId workspace, Query query, Map<String, Object> viewer) {
        String words = TextSearch.prefixQuery(query.words());
        StringBuilder sql = new StringBuilder("select " + AssetTable.COLUMNS + AssetTable.FROM + where);
        if (query.folder() != null && !query.folder().isBlank()) {
            sql.append(" and a.folder = :folder");
        }
        if (words != null) {
            sql.append(" and a.search @@ to_tsquery('simple', :words)")
                    .append(" order by ts_rank(a.head, to_tsquery('simple', :words)) desc, a.title, a.id");
        } else {
            sql.append(" order by a.folder, a.title, a.id");
        }
        sql.append(" limit :limit");
        JdbcClient.StatementSpec statement = db.sql(sql.toString())
                .param("workspace", workspace.value())
                .param("limit", query.limit())
                .params(viewer);
        if (query.folder() != null && !query.folder().isBlank()) {
            statement = statement.param("folder", query.folder());
        }
        if (words != null) {
            statement = statement.param("words", words);
        }
        return statement.query(AssetTable::row).list();
    }
}
