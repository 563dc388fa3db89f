package dev.canopy.enablement.internal;

import dev.canopy.enablement.CertificateState;
import dev.canopy.enablement.CertificateView;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Certificates. A certificate is superseded (renewed) when a later one of the same certification exists for the same
 * person; states are read from the clock ({@link CertificateState}).
 */
@Repository
public class CertificateTable {

    /** A certificate as the clock's sweep needs it. */
    public record Due(
            WorkspaceId workspace,
            UUID id,
            String certification,
            PartnerId partner,
            UUID personId,
            String person,
            Instant expiresAt,
            List<Integer> remindersSent,
            boolean expiryTold) {}

    private static final String SELECT = """
            select c.id, c.certification_id, f.name, c.partner_id, c.person_id, c.person, c.earned_at, c.expires_at,
                   c.awarded_by, c.award_reason, c.revoked_at, c.revoke_reason, c.code,
                   exists (select 1 from enablement_certificate later
                           where later.certification_id = c.certification_id and later.person_id = c.person_id
                             and later.earned_at > c.earned_at and later.revoked_at is null) superseded
            from enablement_certificate c join enablement_certification f on f.id = c.certification_id
            """;

    /** Counts now: not revoked, not replaced, not expired. */
    private static final String VALID = """
            c.revoked_at is null and (c.expires_at is null or c.expires_at > :now)
            and not exists (select 1 from enablement_certificate later
                            where later.certification_id = c.certification_id and later.person_id = c.person_id
                              and later.earned_at > c.earned_at and later.revoked_at is null)
            """;

    private final JdbcClient db;

    CertificateTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, CertificateView c, Instant at) {
        db.sql("""
                        insert into enablement_certificate (id, workspace_id, certification_id, partner_id, person_id,
                                                            person, earned_at, expires_at, awarded_by, award_reason,
                                                            code, created_at)
                        values (:id, :workspace, :certification, :partner, :personId, :person, :earned, :expires,
                                :awardedBy, :reason, :code, :at)
                        """)
                .param("id", c.id())
                .param("workspace", workspace.value())
                .param("certification", c.certificationId())
                .param("partner", c.partner().value())
                .param("personId", c.personId())
                .param("person", c.person())
                .param("earned", Timestamp.from(c.earnedAt()))
                .param("expires", c.expiresAt() == null ? null : Timestamp.from(c.expiresAt()))
                .param("awardedBy", c.awardedBy())
                .param("reason", c.awardReason())
                .param("code", c.code())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Revokes a certificate not yet revoked; false when it already was. */
    public boolean revoke(WorkspaceId workspace, UUID id, String by, String reason, Instant at) {
        return db.sql("""
                        update enablement_certificate set revoked_at = :at, revoked_by = :by, revoke_reason = :reason
                        where workspace_id = :workspace and id = :id and revoked_at is null
                        """)
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .param("by", by)
                        .param("reason", reason)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public Optional<CertificateView> find(WorkspaceId workspace, UUID id, Instant now) {
        return db.sql(SELECT + " where c.workspace_id = :workspace and c.id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query((rs, n) -> row(rs, now))
                .optional();
    }

    /** The certificate behind a public verification code, in whichever workspace it is. */
    public Optional<Map.Entry<WorkspaceId, CertificateView>> byCode(String code, Instant now) {
        return db.sql(SELECT.replace("select c.id,", "select c.workspace_id, c.id,") + " where c.code = :code")
                .param("code", code)
                .query((rs, n) -> Map.entry(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), row(rs, now)))
                .optional();
    }

    /** A certification's certificates, the latest first. */
    public List<CertificateView> of(WorkspaceId workspace, UUID certification, Instant now) {
        return db.sql(SELECT + " where c.workspace_id = :workspace and c.certification_id = :certification"
                        + " order by c.earned_at desc, c.id limit 1000")
                .param("workspace", workspace.value())
                .param("certification", certification)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    /** A person's certificates, the latest first. */
    public List<CertificateView> ofPerson(WorkspaceId workspace, UUID person, Instant now) {
        return db.sql(SELECT + " where c.workspace_id = :workspace and c.person_id = :person"
                        + " order by c.earned_at desc, c.id")
                .param("workspace", workspace.value())
                .param("person", person)
                .query((rs, n) -> row(rs, now))
                .list();
    }

    /** People of the partner holding at least one certificate that counts now. */
    public long certifiedPeople(WorkspaceId workspace, PartnerId partner, Instant now) {
        return db.sql("select count(distinct c.person_id) from enablement_certificate c"
                        + " where c.workspace_id = :workspace and c.partner_id = :partner and " + VALID)
                .param("workspace", workspace.value())
                .param("partner", partner.value())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Per partner of the workspace: people holding a certificate that counts now. */
    public Map<PartnerId, Long> certifiedPeople(WorkspaceId workspace, Instant now) {
        return db
                .sql("select c.partner_id, count(distinct c.person_id) people from enablement_certificate c"
                        + " where c.workspace_id = :workspace and " + VALID + " group by c.partner_id")
                .param("workspace", workspace.value())
                .param("now", Timestamp.from(now))
                .query((rs, n) ->
                        Map.entry(new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getLong("people")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Certificates, in every workspace, that need the sweep: not revoked, expiring within 60 days or expired,
     * whose expiry is not yet told.
     */
    public List<Due> due(Instant now) {
        return db.sql("""
                        select c.workspace_id, c.id, f.name, c.partner_id, c.person_id, c.person, c.expires_at,
                               c.reminders_sent, c.expiry_told
                        from enablement_certificate c join enablement_certification f on f.id = c.certification_id
                        where c.revoked_at is null and c.expires_at is not null and not c.expiry_told
                          and c.expires_at <= :horizon
                          and not exists (select 1 from enablement_certificate later
                                          where later.certification_id = c.certification_id
                                            and later.person_id = c.person_id
                                            and later.earned_at > c.earned_at and later.revoked_at is null)
                        order by c.expires_at
                        limit 10000
                        """)
                .param("horizon", Timestamp.from(now.plus(CertificateState.EXPIRING_WITHIN)))
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("person"),
                        rs.getTimestamp("expires_at").toInstant(),
                        List.of((Integer[]) rs.getArray("reminders_sent").getArray()),
                        rs.getBoolean("expiry_told")))
                .list();
    }

    /** Records a reminder as sent; false when it already was (two sweeps at once send it once). */
    public boolean markReminded(UUID id, int days) {
        return db.sql("update enablement_certificate set reminders_sent = array_append(reminders_sent, :days)"
                                + " where id = :id and not (:days = any (reminders_sent))")
                        .param("id", id)
                        .param("days", days)
                        .update()
                == 1;
    }

    /** Records the expiry as told; false when it already was. */
    public boolean markExpiryTold(UUID id) {
        return db.sql("update enablement_certificate set expiry_told = true where id = :id and not expiry_told")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static CertificateView row(ResultSet rs, Instant now) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new CertificateView(
                rs.getObject("id", UUID.class),
                rs.getObject("certification_id", UUID.class),
                rs.getString("name"),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getObject("person_id", UUID.class),
                rs.getString("person"),
                rs.getTimestamp("earned_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                CertificateState.of(
                        expires == null ? null : expires.toInstant(),
                        revoked == null ? null : revoked.toInstant(),
                        rs.getBoolean("superseded"),
                        now),
                rs.getString("awarded_by"),
                rs.getString("award_reason"),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revoke_reason"),
                rs.getString("code"));
    }
}
