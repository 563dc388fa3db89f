package dev.canopy.campaigns.internal;

import dev.canopy.campaigns.CampaignStatus;
import dev.canopy.campaigns.CampaignTrigger;
import dev.canopy.campaigns.CampaignView;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, every query by workspace; a status moves only from the status it was read in. */
@Repository
public class CampaignRows {

    /** A due scheduled campaign or one with recipients to deliver, and its workspace (jobs act across them). */
    public record Due(WorkspaceId workspace, UUID campaign) {}

    private static final String COLUMNS = """
            id, name, subject, body, match, program_ids, tier_ids, partner_types, regions, partner_ids, trigger_kind,
            trigger_days, status, scheduled_at, started_at, finished_at, stopped_reason, created_by, created_at,
            updated_at""";

    private final JdbcClient db;

    CampaignRows(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, CampaignView c) {
        db.sql("""
                        insert into campaigns_campaign (workspace_id, id, name, subject, body, match, program_ids,
                            tier_ids, partner_types, regions, partner_ids, trigger_kind, trigger_days, status,
                            created_by, created_at, updated_at)
                        values (:workspace, :id, :name, :subject, :body, :match, :programs, :tiers, :types, :regions,
                            :partners, :trigger, :days, :status, :by, :at, :at)
                        """).params(words(workspace, c, c.createdAt())).update();
    }

    /** New words and segment for a campaign nothing was mailed from yet. */
    public boolean update(WorkspaceId workspace, CampaignView c) {
        return db.sql("""
                        update campaigns_campaign set name = :name, subject = :subject, body = :body, match = :match,
                            program_ids = :programs, tier_ids = :tiers, partner_types = :types, regions = :regions,
                            partner_ids = :partners, trigger_kind = :trigger, trigger_days = :days, updated_at = :at
                        where workspace_id = :workspace and id = :id and status in ('DRAFT', 'SCHEDULED')
                        """).params(words(workspace, c, c.updatedAt())).update() == 1;
    }

    private static java.util.Map<String, Object> words(WorkspaceId workspace, CampaignView c, Instant at) {
        Audience a = c.audience();
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("workspace", workspace.value());
        p.put("id", c.id());
        p.put("name", c.name());
        p.put("subject", c.subject());
        p.put("body", c.body());
        p.put("match", a.match().name());
        p.put("programs", a.programs().toArray(UUID[]::new));
        p.put("tiers", a.tiers().toArray(UUID[]::new));
        p.put("types", a.types().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("regions", a.regions().stream().sorted().toArray(String[]::new));
        p.put("partners", a.partners().stream().map(PartnerId::value).toArray(UUID[]::new));
        p.put("trigger", c.trigger().name());
        p.put("days", c.triggerDays());
        p.put("status", c.status().name());
        p.put("by", c.createdBy());
        p.put("at", Timestamp.from(at));
        return p;
    }

    public List<CampaignView> list(WorkspaceId workspace) {
        return db.sql("select " + COLUMNS
                        + " from campaigns_campaign where workspace_id = :workspace order by created_at desc, id")
                .param("workspace", workspace.value())
                .query(CampaignRows::row)
                .list();
    }

    public Optional<CampaignView> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from campaigns_campaign where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(CampaignRows::row)
                .optional();
    }

    /** The workspace's active campaigns of one trigger, for its event. */
    public List<CampaignView> active(WorkspaceId workspace, CampaignTrigger trigger) {
        return db.sql("select " + COLUMNS + """
                         from campaigns_campaign
                        where workspace_id = :workspace and trigger_kind = :trigger and status = 'ACTIVE'
                        """)
                .param("workspace", workspace.value())
                .param("trigger", trigger.name())
                .query(CampaignRows::row)
                .list();
    }

    /** Moves a campaign from one status to another; false when it was no longer in {@code from}. */
    public boolean move(
            WorkspaceId workspace,
            UUID id,
            Set<CampaignStatus> from,
            CampaignStatus to,
            @Nullable Instant scheduledAt,
            @Nullable String reason,
            Instant now) {
        return db.sql("""
                        update campaigns_campaign set status = cast(:to as text), updated_at = :now,
                            scheduled_at = case when cast(:to as text) in ('SCHEDULED', 'DRAFT')
                                then cast(:scheduled as timestamptz) else scheduled_at end,
                            started_at = case when cast(:to as text) in ('SENDING', 'ACTIVE') then :now
                                else started_at end,
                            finished_at = case when cast(:to as text) in ('SENT', 'STOPPED') then :now
                                else finished_at end,
                            stopped_reason = case when cast(:to as text) = 'STOPPED' then cast(:reason as text)
                                else stopped_reason end
                        where workspace_id = :workspace and id = :id and status in (:from)
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .param("to", to.name())
                        .param("scheduled", scheduledAt == null ? null : Timestamp.from(scheduledAt))
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Scheduled campaigns whose time has come, in every workspace. */
    public List<Due> dueToStart(Instant now) {
        return db.sql("""
                        select workspace_id, id from campaigns_campaign
                        where status = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Sending or active campaigns with recipients waiting, in every workspace. */
    public List<Due> withPending() {
        return db.sql("""
                        select c.workspace_id, c.id from campaigns_campaign c
                        where c.status in ('SENDING', 'ACTIVE')
                          and exists (select 1 from campaigns_recipient r
                                      where r.campaign_id = c.id and r.status in ('PENDING', 'SENDING'))
                        """)
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Active campaigns of one trigger in every workspace (the daily no-lead job). */
    public List<Due> activeEverywhere(CampaignTrigger trigger) {
        return db.sql("select workspace_id, id from campaigns_campaign where status = 'ACTIVE' and trigger_kind = :t")
                .param("t", trigger.name())
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    public BouncePolicy.Rule rule(WorkspaceId workspace) {
        return db.sql("""
                        select bounce_stop_percent, bounce_stop_after from campaigns_settings
                        where workspace_id = :workspace
                        """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new BouncePolicy.Rule(rs.getBigDecimal(1), rs.getInt(2)))
                .optional()
                .orElse(BouncePolicy.Rule.DEFAULT);
    }

    public void saveRule(WorkspaceId workspace, BouncePolicy.Rule rule) {
        db.sql("""
                        insert into campaigns_settings (workspace_id, bounce_stop_percent, bounce_stop_after)
                        values (:workspace, :percent, :after)
                        on conflict (workspace_id) do update
                        set bounce_stop_percent = excluded.bounce_stop_percent, bounce_stop_after = excluded.bounce_stop_after
                        """)
                .param("workspace", workspace.value())
                .param("percent", rule.thresholdPercent())
                .param("after", rule.minimumSent())
                .update();
    }

    private static CampaignView row(ResultSet rs, int n) throws SQLException {
        Audience audience = new Audience(
                Audience.Match.valueOf(rs.getString("match")),
                Set.of(uuids(rs.getArray("program_ids"))),
                Set.of(uuids(rs.getArray("tier_ids"))),
                Arrays.stream(strings(rs.getArray("partner_types")))
                        .map(PartnerType::valueOf)
                        .collect(Collectors.toSet()),
                Set.of(strings(rs.getArray("regions"))),
                Arrays.stream(uuids(rs.getArray("partner_ids")))
                        .map(PartnerId::new)
                        .collect(Collectors.toSet()));
        return new CampaignView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("subject"),
                rs.getString("body"),
                audience,
                CampaignTrigger.valueOf(rs.getString("trigger_kind")),
                rs.getObject("trigger_days", Integer.class),
                CampaignStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("scheduled_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("stopped_reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
