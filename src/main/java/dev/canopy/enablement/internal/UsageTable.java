package dev.canopy.enablement.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What partners did with assets, one row per view, download or share link opened; every query by workspace. */
@Repository
public class UsageTable {

    /** What the library counts. */
    public enum Action {
        VIEW,
        DOWNLOAD,
        /** Someone outside opened a partner's share link. */
        SHARE_OPEN
    }

    /** One person's use of one asset. */
    public record Use(PartnerId partner, String person, long views, long downloads, long shareOpens, Instant lastAt) {}

    /** An asset's uses, all partners together. */
    public record Totals(UUID asset, long views, long downloads, long partners) {}

    private final JdbcClient db;

    UsageTable(JdbcClient db) {
        this.db = db;
    }

    /** A portal user, as usage names them: the words shown, and the user's id. */
    public record Person(String name, UUID id) {}

    /** A person of a partner company. */
    public record Downloader(PartnerId partner, UUID person) {}

    public void record(
            WorkspaceId workspace,
            UUID asset,
            PartnerId partner,
            Person person,
            Action action,
            int version,
            Instant at) {
        db.sql("""
                        insert into enablement_asset_usage (workspace_id, asset_id, partner_id, person, person_id, action,
                                                            version, at)
                        values (:workspace, :asset, :partner, :person, :personId, :action, :version, :at)
                        """)
                .param("workspace", workspace.value())
                .param("asset", asset)
                .param("partner", partner.value())
                .param("person", person.name())
                .param("personId", person.id())
                .param("action", action.name())
                .param("version", version)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Per partner and person: views, downloads and the last of either, most recent first. */
    public List<Use> uses(WorkspaceId workspace, UUID asset) {
        return db.sql("""
                        select partner_id, person, count(*) filter (where action = 'VIEW') as views,
                               count(*) filter (where action = 'DOWNLOAD') as downloads,
                               count(*) filter (where action = 'SHARE_OPEN') as share_opens, max(at) as last_at
                        from enablement_asset_usage where workspace_id = :workspace and asset_id = :asset
                        group by partner_id, person order by last_at desc, person
                        """)
                .param("workspace", workspace.value())
                .param("asset", asset)
                .query((rs, n) -> new Use(
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getString("person"),
                        rs.getLong("views"),
                        rs.getLong("downloads"),
                        rs.getLong("share_opens"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** The newest version of each of {@code assets} that {@code person} of {@code partner} downloaded. */
    public Map<UUID, Integer> downloadedVersions(
            WorkspaceId workspace, PartnerId partner, UUID person, List<UUID> assets) {
        Map<UUID, Integer> versions = new HashMap<>();
        db.sql("""
                        select asset_id, max(version) as version from enablement_asset_usage
                        where workspace_id = :workspace and partner_id = :partner and person_id = :person
                          and action = 'DOWNLOAD' and asset_id = any (:assets)
                        group by asset_id
                        """)
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .param("person", person)
                .param("assets", assets.toArray(UUID[]::new))
                .query(rs -> {
                    versions.put(rs.getObject("asset_id", UUID.class), rs.getInt("version"));
                });
        return versions;
    }

    /** Who downloaded a version of {@code asset} older than {@code version}. */
    public List<Downloader> downloadedBefore(WorkspaceId workspace, UUID asset, int version) {
        return db.sql("""
                        select distinct partner_id, person_id from enablement_asset_usage
                        where workspace_id = :workspace and asset_id = :asset and action = 'DOWNLOAD'
                          and version < :version
                        """)
                .param("workspace", workspace.value())
                .param("asset", asset)
                .param("version", version)
                .query((rs, n) -> new Downloader(
                        new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getObject("person_id", UUID.class)))
                .list();
    }

    /** Views, downloads and how many partners, for each of {@code assets}. */
    public List<Totals> totals(WorkspaceId workspace, List<UUID> assets) {
        return db.sql("""
                        select asset_id, count(*) filter (where action = 'VIEW') as views,
                               count(*) filter (where action = 'DOWNLOAD') as downloads,
                               count(distinct partner_id) as partners
                        from enablement_asset_usage where workspace_id = :workspace and asset_id = any (:assets)
                        group by asset_id
                        """)
                .param("workspace", workspace.value())
                .param("assets", assets.toArray(UUID[]::new))
                .query((rs, n) -> new Totals(
                        rs.getObject("asset_id", UUID.class),
                        rs.getLong("views"),
                        rs.getLong("downloads"),
                        rs.getLong("partners")))
                .list();
    }
}
