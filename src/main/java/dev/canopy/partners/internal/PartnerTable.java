package dev.canopy.partners.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PartnerTable {

    /** The columns a partner is made of, as stored. */
    public record Row(
            PartnerId id,
            String name,
            String website,
            Set<PartnerType> types,
            List<String> regions,
            List<String> verticals,
            String size,
            PartnerStatus status,
            String statusReason) {}

    private static final String SELECT = """
            select p.*, coalesce(s.dormancy_days, 60) as dormancy_days
            from partners_partner p left join partners_settings s on s.workspace_id = p.workspace_id
            """;

    // Matches Dormancy.dormant(): active, and nothing for dormancy_days since the last activity or creation.
    private static final String DORMANT =
            "p.status = 'ACTIVE' and coalesce(p.last_activity_at, p.created_at) < ?::timestamptz - make_interval(days => coalesce(s.dormancy_days, 60))";

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    PartnerTable(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    private static final String INSERT = """
            insert into partners_partner (id, workspace_id, name, website, domain, types, regions, verticals, size,
                                          status, status_reason, status_changed_at, created_at)
            values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?)
            """;

    public void insert(WorkspaceId workspace, Row row, Instant now) {
        db.sql(INSERT).params(insertParams(workspace, row, now)).update();
    }

    /** Many rows in one batch, for imports. */
    public void insertAll(WorkspaceId workspace, List<Row> rows, Instant now) {
        jdbc.batchUpdate(
                INSERT,
                rows.stream().map(row -> insertParams(workspace, row, now)).toList());
    }

    private static Object[] insertParams(WorkspaceId workspace, Row row, Instant now) {
        return new Object[] {
            row.id().value(),
            workspace.value(),
            row.name(),
            row.website(),
            Websites.domain(row.website()),
            texts(row.types().stream().map(Enum::name).toList()),
            texts(row.regions()),
            texts(row.verticals()),
            row.size(),
            row.status().name(),
            row.statusReason(),
            Timestamp.from(now),
            Timestamp.from(now)
        };
    }

    public Optional<PartnerView> find(WorkspaceId workspace, PartnerId id, Instant now) {
        return db.sql(SELECT + " where p.workspace_id = ? and p.id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    public List<PartnerView> findAll(WorkspaceId workspace, Collection<PartnerId> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " where p.workspace_id = ? and p.id = any(?::uuid[]) order by p.name")
                .params(workspace.value(), ids.stream().map(PartnerId::value).toArray(UUID[]::new))
                .query((rs, n) -> map(rs, now))
                .list();
    }

    /** Every partner of the workspace of {@code type} in {@code region} (each optional): ids only, unpaged. */
    public Set<PartnerId> ids(WorkspaceId workspace, PartnerType type, String region) {
        return new HashSet<>(db.sql("""
                        select id from partners_partner p
                        where workspace_id = :workspace
                          and (cast(:type as text) is null or cast(:type as text) = any(p.types))
                          and (cast(:region as text) is null
                               or exists (select 1 from unnest(p.regions) r where lower(r) = lower(cast(:region as text))))
                        """)
                .param("workspace", workspace.value())
                .param("type", type == null ? null : type.name())
                .param("region", region)
                .query((rs, n) -> new PartnerId(rs.getObject(1, UUID.class)))
                .list());
    }

    /** The names of {@code ids} that are the workspace's partners; nothing else of them. */
    /**
     * The names of {@code ids}; past {@value #NAMES_BY_ID} of them, every partner's name is read and those asked for
     * kept: binding 10,000 ids as one array took longer than reading the workspace's partners (bench/analytics).
     */
    public Map<PartnerId, String> names(WorkspaceId workspace, Collection<PartnerId> ids) {
        Map<PartnerId, String> names = new HashMap<>();
        boolean many = ids.size() > NAMES_BY_ID;
        Set<PartnerId> wanted = !many ? Set.of() : ids instanceof Set<PartnerId> set ? set : Set.copyOf(ids);
        (many
                        ? db.sql("select id, name from partners_partner where workspace_id = ?")
                                .param(workspace.value())
                        : db.sql("select id, name from partners_partner where workspace_id = ? and id = any(?::uuid[])")
                                .params(
                                        workspace.value(),
                                        ids.stream().map(PartnerId::value).toArray(UUID[]::new)))
                .query((rs, n) -> {
                    PartnerId id = new PartnerId(rs.getObject(1, UUID.class));
                    if (!many || wanted.contains(id)) {
                        names.put(id, rs.getString(2));
                    }
                    return n;
                })
                .list();
        return names;
    }

    private static final int NAMES_BY_ID = 500;

    public List<PartnerView> search(WorkspaceId workspace, PartnerSearch search, Instant now, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " where p.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (search.query() != null) {
            sql.append(" and (p.name ilike ? or p.domain ilike ?)");
            String like = "%"
                    + search.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (search.type() != null) {
            sql.append(" and ? = any(p.types)");
            params.add(search.type().name());
        }
        if (search.status() != null) {
            sql.append(" and p.status = ?");
            params.add(search.status().name());
        }
        if (search.region() != null) {
            sql.append(" and exists (select 1 from unnest(p.regions) r where lower(r) = lower(?))");
            params.add(search.region());
        }
        if (search.dormantOnly()) {
            sql.append(" and ").append(DORMANT);
            params.add(Timestamp.from(now));
        }
        if (search.only() != null) {
            sql.append(" and p.id = any(?::uuid[])");
            params.add(search.only().stream().map(PartnerId::value).toArray(UUID[]::new));
        }
        if (search.after() != null) {
            int split = search.after().lastIndexOf('|');
            sql.append(" and (lower(p.name), p.id) > (lower(?), ?::uuid)");
            params.add(search.after().substring(0, split));
            params.add(search.after().substring(split + 1));
        }
        sql.append(" order by lower(p.name), p.id limit ?");
        params.add(limit);
        return db.sql(sql.toString())
                .params(params)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    public List<String> regions(WorkspaceId workspace) {
        return db.sql(
                        "select distinct r from partners_partner p, unnest(p.regions) r where p.workspace_id = ? order by r")
                .param(workspace.value())
                .query(String.class)
                .list();
    }

    public void updateProfile(WorkspaceId workspace, Row row) {
        db.sql("""
                        update partners_partner set name = ?, website = ?, domain = ?, types = ?::text[], regions = ?::text[],
                               verticals = ?::text[], size = ?
                        where workspace_id = ? and id = ?
                        """)
                .params(
                        row.name(),
                        row.website(),
                        Websites.domain(row.website()),
                        texts(row.types().stream().map(Enum::name).toList()),
                        texts(row.regions()),
                        texts(row.verticals()),
                        row.size(),
                        workspace.value(),
                        row.id().value())
                .update();
    }

    /** Moves the status only if it still is {@code from}: two concurrent moves cannot both win. */
    public boolean updateStatus(
            WorkspaceId workspace, PartnerId id, PartnerStatus from, PartnerStatus to, String reason, Instant now) {
        return db.sql("""
                        update partners_partner set status = ?, status_reason = ?, status_changed_at = ?
                        where workspace_id = ? and id = ? and status = ?
                        """)
                        .params(to.name(), reason, Timestamp.from(now), workspace.value(), id.value(), from.name())
                        .update()
                == 1;
    }

    public void recordActivity(WorkspaceId workspace, PartnerId id, Instant at) {
        db.sql("""
                        update partners_partner set last_activity_at = ?
                        where workspace_id = ? and id = ? and (last_activity_at is null or last_activity_at < ?)
                        """)
                .params(Timestamp.from(at), workspace.value(), id.value(), Timestamp.from(at))
                .update();
    }

    private static String[] texts(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static PartnerView map(ResultSet rs, Instant now) throws SQLException {
        Set<PartnerType> types = EnumSet.noneOf(PartnerType.class);
        for (String type : strings(rs, "types")) {
            types.add(PartnerType.valueOf(type));
        }
        PartnerStatus status = PartnerStatus.valueOf(rs.getString("status"));
        Instant lastActivity = instant(rs.getTimestamp("last_activity_at"));
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new PartnerView(
                new PartnerId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("website"),
                rs.getString("domain"),
                types,
                strings(rs, "regions"),
                strings(rs, "verticals"),
                rs.getString("size"),
                status,
                rs.getString("status_reason"),
                rs.getTimestamp("status_changed_at").toInstant(),
                lastActivity,
                created,
                Dormancy.dormant(status, lastActivity, created, now, rs.getInt("dormancy_days")));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
