package dev.canopy.enablement.internal;

import dev.canopy.deals.DealStage;
import dev.canopy.enablement.AssetKind;
import dev.canopy.enablement.AssetState;
import dev.canopy.enablement.AssetView;
import dev.canopy.enablement.Audience;
import dev.canopy.enablement.FileVersion;
import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The library's assets and their file versions, written and read by id; every query by workspace. What readers
 * find (search, folders, recommendations, and what a partner may open) is {@link AssetSearch}.
 */
@Repository
public class AssetTable {

    /** An asset as stored: its fields, and its current file's version (null for links and text). */
    public record Row(
            UUID id,
            AssetFields fields,
            @Nullable FileVersion file,
            @Nullable String storageKey,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant archivedAt) {

        /** The asset as its readers get it, its state as of {@code now}. */
        public AssetView view(Instant now) {
            return new AssetView(
                    id,
                    fields.kind(),
                    fields.title(),
                    fields.description(),
                    fields.folder(),
                    fields.tags(),
                    fields.products(),
                    fields.dealStages(),
                    fields.industries(),
                    fields.url(),
                    fields.body(),
                    fields.audience(),
                    fields.publishFrom(),
                    fields.expireOn(),
                    file,
                    AssetState.of(fields.publishFrom(), fields.expireOn(), archivedAt, now),
                    createdAt,
                    updatedAt);
        }
    }

    static final String COLUMNS = """
            a.id, a.kind, a.title, a.description, a.folder, a.tags, a.products, a.deal_stages, a.industries, a.url,
            a.body, a.audience_match, a.program_ids, a.tier_ids, a.partner_types, a.regions, a.partner_ids,
            a.publish_from, a.expire_on, a.created_at, a.updated_at, a.archived_at,
            v.version, v.file_name, v.content_type, v.size_bytes, v.sha256, v.uploaded_by, v.uploaded_at, v.storage_key
            """;

    static final String FROM = """
            from enablement_asset a
            left join enablement_asset_version v on v.asset_id = a.id and v.version = a.version
            """;

    private final JdbcClient db;

    AssetTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row row, String extractedText) {
        db.sql("""
                        insert into enablement_asset (id, workspace_id, kind, title, description, folder, tags, products,
                                                      deal_stages, industries, url, body, audience_match, program_ids,
                                                      tier_ids, partner_types, regions, partner_ids, publish_from,
                                                      expire_on, version, extracted_text, created_at, updated_at)
                        values (:id, :workspace, :kind, :title, :description, :folder, :tags, :products, :stages,
                                :industries, :url, :body, :match, :programIds, :tierIds, :partnerTypes, :regionList,
                                :partnerIds, :publishFrom, :expireOn, :version, :text, :at, :at)
                        """)
                .param("id", row.id())
                .param("workspace", workspace.value())
                .param("kind", row.fields().kind().name())
                .param("version", row.file() == null ? 0 : row.file().version())
                .param("text", extractedText)
                .param("at", Timestamp.from(row.createdAt()))
                .params(fields(row))
                .update();
    }

    public void update(WorkspaceId workspace, Row row) {
        db.sql("""
                        update enablement_asset
                        set title = :title, description = :description, folder = :folder, tags = :tags,
                            products = :products, deal_stages = :stages, industries = :industries, url = :url,
                            body = :body, audience_match = :match, program_ids = :programIds, tier_ids = :tierIds,
                            partner_types = :partnerTypes, regions = :regionList, partner_ids = :partnerIds,
                            publish_from = :publishFrom, expire_on = :expireOn, updated_at = :at
                        where workspace_id = :workspace and id = :id
                        """)
                .param("id", row.id())
                .param("workspace", workspace.value())
                .param("at", Timestamp.from(row.updatedAt()))
                .params(fields(row))
                .update();
    }

    /** Adds a file version and makes it the asset's current one, with its words for search. */
    public void addVersion(
            WorkspaceId workspace, UUID asset, FileVersion file, String storageKey, String extractedText) {
        db.sql("""
                        insert into enablement_asset_version (asset_id, version, workspace_id, file_name, content_type,
                                                              size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
                        values (:asset, :version, :workspace, :name, :type, :size, :sha256, :key, :by, :at)
                        """)
                .param("asset", asset)
                .param("version", file.version())
                .param("workspace", workspace.value())
                .param("name", file.fileName())
                .param("type", file.contentType())
                .param("size", file.sizeBytes())
                .param("sha256", file.sha256())
                .param("key", storageKey)
                .param("by", file.uploadedBy())
                .param("at", Timestamp.from(file.uploadedAt()))
                .update();
        db.sql("""
                        update enablement_asset set version = :version, extracted_text = :text, updated_at = :at
                        where workspace_id = :workspace and id = :asset
                        """)
                .param("version", file.version())
                .param("text", extractedText)
                .param("at", Timestamp.from(file.uploadedAt()))
                .param("workspace", workspace.value())
                .param("asset", asset)
                .update();
    }

    public void archive(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("update enablement_asset set archived_at = :at, updated_at = :at"
                        + " where workspace_id = :workspace and id = :id and archived_at is null")
                .param("at", Timestamp.from(at))
                .param("workspace", workspace.value())
                .param("id", id)
                .update();
    }

    public void restore(WorkspaceId workspace, UUID id, Instant at) {
        db.sql("update enablement_asset set archived_at = null, updated_at = :at"
                        + " where workspace_id = :workspace and id = :id")
                .param("at", Timestamp.from(at))
                .param("workspace", workspace.value())
                .param("id", id)
                .update();
    }

    /**
     * Locks the asset until the transaction ends, so that two new versions of it never take the same number; read
     * it afterwards (a statement that locks and joins would see the version row of before the wait).
     */
    public void lock(WorkspaceId workspace, UUID id) {
        db.sql("select id from enablement_asset where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(UUID.class)
                .list();
    }

    /** A live asset not yet announced, to announce. */
    public record Due(WorkspaceId workspace, UUID id) {}

    /** Assets whose publish date has come and that nobody announced yet, archived and expired ones left out. */
    public List<Due> unannounced(Instant now) {
        return db.sql("""
                        select workspace_id, id from enablement_asset
                        where announced_at is null and publish_from <= :now and archived_at is null
                          and (expire_on is null or expire_on > :now)
                        order by publish_from limit 500""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Claims the announcing of one asset: false when it was announced already (by another node, say). */
    public boolean markAnnounced(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql("update enablement_asset set announced_at = :now"
                                + " where workspace_id = :workspace and id = :id and announced_at is null")
                        .param("now", Timestamp.from(now))
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + FROM + " where a.workspace_id = :workspace and a.id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(AssetTable::row)
                .optional();
    }

    public String storageKey(WorkspaceId workspace, UUID asset, int version) {
        return db.sql("select storage_key from enablement_asset_version"
                        + " where workspace_id = :workspace and asset_id = :asset and version = :version")
                .param("workspace", workspace.value())
                .param("asset", asset)
                .param("version", version)
                .query(String.class)
                .single();
    }

    public List<FileVersion> versions(WorkspaceId workspace, UUID asset) {
        return db.sql("""
                        select version, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from enablement_asset_version where workspace_id = :workspace and asset_id = :asset
                        order by version desc
                        """)
                .param("workspace", workspace.value())
                .param("asset", asset)
                .query((rs, n) -> new FileVersion(
                        rs.getInt("version"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    private static Map<String, Object> fields(Row stored) {
        AssetFields row = stored.fields();
        Audience audience = row.audience();
        java.util.HashMap<String, Object> fields = new java.util.HashMap<>();
        fields.put("title", row.title());
        fields.put("description", row.description());
        fields.put("folder", row.folder());
        fields.put("tags", row.tags().toArray(String[]::new));
        fields.put("products", row.products().toArray(String[]::new));
        fields.put("stages", row.dealStages().stream().map(Enum::name).toArray(String[]::new));
        fields.put("industries", row.industries().toArray(String[]::new));
        fields.put("url", row.url());
        fields.put("body", row.body());
        fields.putAll(AudienceColumns.values(audience));
        fields.put("publishFrom", row.publishFrom() == null ? null : Timestamp.from(row.publishFrom()));
        fields.put("expireOn", row.expireOn() == null ? null : Timestamp.from(row.expireOn()));
        return fields;
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("version");
        FileVersion file = rs.wasNull()
                ? null
                : new FileVersion(
                        version,
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant());
        Audience audience = AudienceColumns.read(rs);
        return new Row(
                rs.getObject("id", UUID.class),
                new AssetFields(
                        AssetKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("folder"),
                        List.of(strings(rs.getArray("tags"))),
                        List.of(strings(rs.getArray("products"))),
                        map(strings(rs.getArray("deal_stages")), DealStage::valueOf),
                        List.of(strings(rs.getArray("industries"))),
                        rs.getString("url"),
                        rs.getString("body"),
                        audience,
                        instant(rs.getTimestamp("publish_from")),
                        instant(rs.getTimestamp("expire_on"))),
                file,
                file == null ? null : rs.getString("storage_key"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                instant(rs.getTimestamp("archived_at")));
    }

    private static <T> List<T> map(String[] values, Function<String, T> each) {
        return Arrays.stream(values).map(each).toList();
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
