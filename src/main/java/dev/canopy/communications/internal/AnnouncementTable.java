package dev.canopy.communications.internal;

import dev.canopy.enablement.Audience;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Announcements, every query by workspace; the audience kept in the columns enablement's assets use. */
@Repository
public class AnnouncementTable {

    /** One announcement as stored; {@code toldAt} is when its partners were notified. */
    public record Row(
            UUID id,
            String title,
            String body,
            boolean pinned,
            @Nullable Instant publishAt,
            @Nullable Instant expiresAt,
            Audience audience,
            @Nullable Instant publishedAt,
            @Nullable Instant toldAt,
            @Nullable Instant archivedAt,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    /** The fields staff write. */
    public record Fields(
            String title,
            String body,
            boolean pinned,
            @Nullable Instant publishAt,
            @Nullable Instant expiresAt,
            Audience audience) {}

    /** A published announcement whose publish date has come and whose partners are not yet told. */
    public record Due(WorkspaceId workspace, UUID id) {}

    private static final String COLUMNS = """
            id, title, body, pinned, publish_at, expires_at, audience_match, program_ids, tier_ids, partner_types,
            regions, partner_ids, published_at, told_at, archived_at, created_by, created_at, updated_at""";

    private final JdbcClient db;

    AnnouncementTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, UUID id, Fields fields, String createdBy, Instant now) {
        db.sql("""
                        insert into communications_announcement (id, workspace_id, title, body, pinned, publish_at,
                            expires_at, audience_match, program_ids, tier_ids, partner_types, regions, partner_ids,
                            created_by, created_at, updated_at)
                        values (:id, :workspace, :title, :body, :pinned, :publishAt, :expiresAt, :match, :programIds,
                            :tierIds, :partnerTypes, :regionList, :partnerIds, :createdBy, :now, :now)
                        """)
                .params(values(fields))
                .param("id", id)
                .param("workspace", workspace.value())
                .param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Changes an announcement not archived; answers whether one was changed. */
    public boolean update(WorkspaceId workspace, UUID id, Fields fields, Instant now) {
        return db.sql("""
                        update communications_announcement set title = :title, body = :body, pinned = :pinned,
                            publish_at = :publishAt, expires_at = :expiresAt, audience_match = :match,
                            program_ids = :programIds, tier_ids = :tierIds, partner_types = :partnerTypes,
                            regions = :regionList, partner_ids = :partnerIds, updated_at = :now
                        where workspace_id = :workspace and id = :id and archived_at is null
                        """)
                        .params(values(fields))
                        .param("id", id)
                        .param("workspace", workspace.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from communications_announcement where workspace_id = :workspace"
                        + " and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Newest first; archived ones only when asked for. */
    public List<Row> list(WorkspaceId workspace, boolean archived) {
        return db.sql("select " + COLUMNS + " from communications_announcement where workspace_id = :workspace"
                        + (archived ? "" : " and archived_at is null") + " order by created_at desc, id")
                .param("workspace", workspace.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    /** What partners may see now (their audience aside): told, shown from its date, not expired nor archived. */
    public List<Row> live(WorkspaceId workspace, Instant now) {
        return db.sql("select " + COLUMNS + """
                         from communications_announcement
                        where workspace_id = :workspace and told_at is not null and archived_at is null
                          and (publish_at is null or publish_at <= :now) and (expires_at is null or expires_at > :now)
                        order by pinned desc, greatest(published_at, coalesce(publish_at, published_at)) desc, id
                        """)
                .param("workspace", workspace.value())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Marks a draft published; answers false when it was published or archived already. */
    public boolean publish(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql("""
                        update communications_announcement set published_at = :now, updated_at = :now
                        where workspace_id = :workspace and id = :id and published_at is null and archived_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    public boolean archive(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql("""
                        update communications_announcement set archived_at = :now, updated_at = :now
                        where workspace_id = :workspace and id = :id and archived_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Across workspaces, for the release job: published, due by {@code now}, not yet told. */
    public List<Due> due(Instant now) {
        return db.sql("""
                        select workspace_id, id from communications_announcement
                        where published_at is not null and told_at is null and archived_at is null
                          and (publish_at is null or publish_at <= :now) and (expires_at is null or expires_at > :now)
                        order by publish_at nulls first, id
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Claims the telling: true for exactly one caller, however many nodes try at once. */
    public boolean markTold(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql("""
                        update communications_announcement set told_at = :now
                        where workspace_id = :workspace and id = :id and told_at is null and published_at is not null
                          and archived_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static Map<String, Object> values(Fields fields) {
        Audience audience = fields.audience();
        Map<String, Object> values = new HashMap<>();
        values.put("title", fields.title());
        values.put("body", fields.body());
        values.put("pinned", fields.pinned());
        values.put("publishAt", timestamp(fields.publishAt()));
        values.put("expiresAt", timestamp(fields.expiresAt()));
        values.put("match", audience.match().name());
        values.put("programIds", audience.programs().stream().sorted().toArray(UUID[]::new));
        values.put("tierIds", audience.tiers().stream().sorted().toArray(UUID[]::new));
        values.put(
                "partnerTypes",
                audience.types().stream().map(Enum::name).sorted().toArray(String[]::new));
        values.put("regionList", audience.regions().stream().sorted().toArray(String[]::new));
        values.put(
                "partnerIds",
                audience.partners().stream().map(PartnerId::value).sorted().toArray(UUID[]::new));
        return values;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Audience audience = new Audience(
                Audience.Match.valueOf(rs.getString("audience_match")),
                Arrays.stream((UUID[]) array(rs.getArray("program_ids"))).collect(Collectors.toSet()),
                Arrays.stream((UUID[]) array(rs.getArray("tier_ids"))).collect(Collectors.toSet()),
                Arrays.stream((String[]) array(rs.getArray("partner_types")))
                        .map(PartnerType::valueOf)
                        .collect(Collectors.toSet()),
                Arrays.stream((String[]) array(rs.getArray("regions"))).collect(Collectors.toSet()),
                Arrays.stream((UUID[]) array(rs.getArray("partner_ids")))
                        .map(PartnerId::new)
                        .collect(Collectors.toSet()));
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("body"),
                rs.getBoolean("pinned"),
                instant(rs, "publish_at"),
                instant(rs, "expires_at"),
                audience,
                instant(rs, "published_at"),
                instant(rs, "told_at"),
                instant(rs, "archived_at"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
