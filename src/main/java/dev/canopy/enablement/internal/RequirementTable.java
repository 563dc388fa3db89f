package dev.canopy.enablement.internal;

import dev.canopy.enablement.RequirementSubject;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certification requirements, and the certificates that meet them. */
@Repository
public class RequirementTable {

    /** A stored requirement with its certification's name and first course, and its asset's title. */
    public record Row(
            UUID id,
            UUID programId,
            RequirementSubject subject,
            @Nullable UUID tierId,
            @Nullable UUID assetId,
            @Nullable String assetTitle,
            UUID certificationId,
            String certificationName,
            @Nullable UUID courseId,
            int minPeople,
            Instant createdAt) {}

    private static final String SELECT = """
            select r.id, r.program_id, r.subject, r.tier_id, r.asset_id, a.title asset_title, r.certification_id,
                   c.name certification_name, c.course_ids[1] course_id, r.min_people, r.created_at
            from enablement_requirement r
            join enablement_certification c on c.id = r.certification_id
            left join enablement_asset a on a.id = r.asset_id
            where r.workspace_id = :workspace
            """;

    private final JdbcClient db;

    RequirementTable(JdbcClient db) {
        this.db = db;
    }

    /** Stores the requirement; false when the same one exists already. */
    public boolean insert(WorkspaceId workspace, Row row, String by) {
        return db.sql("""
                        insert into enablement_requirement (id, workspace_id, program_id, certification_id, min_people,
                                                            subject, tier_id, asset_id, created_by, created_at)
                        values (:id, :workspace, :program, :certification, :people, :subject, :tier, :asset, :by, :at)
                        on conflict do nothing
                        """)
                        .param("id", row.id())
                        .param("workspace", workspace.value())
                        .param("program", row.programId())
                        .param("certification", row.certificationId())
                        .param("people", row.minPeople())
                        .param("subject", row.subject().name())
                        .param("tier", row.tierId())
                        .param("asset", row.assetId())
                        .param("by", by)
                        .param("at", Timestamp.from(row.createdAt()))
                        .update()
                == 1;
    }

    public boolean delete(WorkspaceId workspace, UUID id) {
        return db.sql("delete from enablement_requirement where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " and r.id = :id")
                .param("workspace", workspace.value())
                .param("id", id)
                .query(RequirementTable::row)
                .optional();
    }

    public List<Row> list(WorkspaceId workspace) {
        return db.sql(SELECT + " order by c.name, r.subject, r.created_at")
                .param("workspace", workspace.value())
                .query(RequirementTable::row)
                .list();
    }

    /** The requirements of some programmes on one subject (and, for a tier or an asset, on which one). */
    public List<Row> of(
            WorkspaceId workspace, Collection<UUID> programs, RequirementSubject subject, @Nullable UUID target) {
        if (programs.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " and r.program_id = any(:programs) and r.subject = :subject"
                        + (target == null ? "" : " and coalesce(r.tier_id, r.asset_id) = :target")
                        + " order by c.name, r.created_at")
                .param("workspace", workspace.value())
                .param("programs", programs.toArray(UUID[]::new))
                .param("subject", subject.name())
                .param("target", target)
                .query(RequirementTable::row)
                .list();
    }

    /**
     * Per partner and certification, the certificates its people hold that are not revoked (a revoked certificate
     * meets no requirement, not even in the past).
     */
    public Map<PartnerId, Map<UUID, List<GatePolicy.Held>>> held(
            WorkspaceId workspace, Collection<PartnerId> partners, Collection<UUID> certifications) {
        Map<PartnerId, Map<UUID, List<GatePolicy.Held>>> held = new HashMap<>();
        if (partners.isEmpty() || certifications.isEmpty()) {
            return held;
        }
        db.sql("""
                        select partner_id, certification_id, person_id, earned_at, expires_at
                        from enablement_certificate
                        where workspace_id = :workspace and partner_id = any(:partners)
                          and certification_id = any(:certifications) and revoked_at is null
                        """)
                .param("workspace", workspace.value())
                .param("partners", partners.stream().map(PartnerId::value).toArray(UUID[]::new))
                .param("certifications", certifications.toArray(UUID[]::new))
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("expires_at");
                    held.computeIfAbsent(new PartnerId(rs.getObject("partner_id", UUID.class)), p -> new HashMap<>())
                            .computeIfAbsent(rs.getObject("certification_id", UUID.class), c -> new ArrayList<>())
                            .add(new GatePolicy.Held(
                                    rs.getObject("person_id", UUID.class),
                                    rs.getTimestamp("earned_at").toInstant(),
                                    until == null ? null : until.toInstant()));
                    return n;
                })
                .list();
        return held;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                RequirementSubject.valueOf(rs.getString("subject")),
                rs.getObject("tier_id", UUID.class),
                rs.getObject("asset_id", UUID.class),
                rs.getString("asset_title"),
                rs.getObject("certification_id", UUID.class),
                rs.getString("certification_name"),
                rs.getObject("course_id", UUID.class),
                rs.getInt("min_people"),
                rs.getTimestamp("created_at").toInstant());
    }
}
