package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.Answer;
import dev.canopy.programs.ApplicationQuery;
import dev.canopy.programs.ApplicationStatus;
import dev.canopy.programs.ApplicationView;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ScoreLine;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ApplicationTable {

    /** An application with its place in the inbox's order, for the cursor. */
    public record Row(ApplicationView application, long seq) {}

    /** An earlier application of the same company (by email or domain) to the same programme. */
    public record Earlier(ApplicationStatus status, Instant decidedAt) {}

    private static final String SELECT = """
            select a.*, p.name as program_name from programs_application a
            join programs_program p on p.id = a.program_id
            """;

    private final JdbcClient db;
    private final JsonMapper json;

    ApplicationTable(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public void insert(
            WorkspaceId workspace,
            ProgramId program,
            UUID id,
            ApplicationCheck.Checked a,
            ApplicationScoring.Score score,
            Instant now) {
        db.sql("""
                        insert into programs_application
                            (id, workspace_id, program_id, company_name, website, domain, contact_name, contact_email,
                             partner_types, region, answers, score, score_lines, status, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), 'PENDING', ?)
                        """)
                .params(
                        id,
                        workspace.value(),
                        program.value(),
                        a.companyName(),
                        a.website(),
                        a.domain(),
                        a.contactName(),
                        a.contactEmail().value(),
                        Rows.names(a.partnerTypes()),
                        a.region(),
                        json.writeValueAsString(a.answers()),
                        score.total(),
                        json.writeValueAsString(score.lines()),
                        Rows.ts(now))
                .update();
    }

    public Optional<ApplicationView> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where a.workspace_id = ? and a.id = ?")
                .params(workspace.value(), id)
                .query(this::map)
                .optional();
    }

    /** Newest first; {@code limit} rows at most. */
    public List<Row> search(WorkspaceId workspace, ApplicationQuery query, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where a.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (query.program() != null) {
            sql.append(" and a.program_id = ?");
            params.add(query.program().value());
        }
        if (query.status() != null) {
            sql.append(" and a.status = ?");
            params.add(query.status().name());
        }
        if (query.before() != null) {
            sql.append(" and a.seq < ?");
            params.add(query.before());
        }
        sql.append(" order by a.seq desc limit ?");
        params.add(limit);
        return db.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Row(map(rs, n), rs.getLong("seq")))
                .list();
    }

    /** Pending applications per programme, for the programme list. */
    public Map<ProgramId, Integer> pendingByProgram(WorkspaceId workspace) {
        Map<ProgramId, Integer> counts = new java.util.HashMap<>();
        db.sql("""
                        select program_id, count(*) from programs_application
                        where workspace_id = ? and status = 'PENDING' group by program_id
                        """)
                .param(workspace.value())
                .query((rs, n) -> counts.put(new ProgramId(rs.getObject(1, UUID.class)), rs.getInt(2)))
                .list();
        return counts;
    }

    /**
     * The latest application from the same email or domain to the programme that still stands in the way
     * of a new one: pending, approved, or rejected after {@code rejectedSince}.
     */
    public Optional<Earlier> blocking(
            WorkspaceId workspace, ProgramId program, String email, String domain, Instant rejectedSince) {
        return db.sql("""
                        select status, decided_at from programs_application
                        where workspace_id = ? and program_id = ? and (contact_email = ? or domain = ?)
                          and (status in ('PENDING', 'APPROVED') or decided_at > ?)
                        order by seq desc limit 1
                        """)
                .params(workspace.value(), program.value(), email, domain, Rows.ts(rejectedSince))
                .query((rs, n) -> new Earlier(
                        ApplicationStatus.valueOf(rs.getString("status")), Rows.instant(rs.getTimestamp("decided_at"))))
                .optional();
    }

    /** Decides a pending application; false when it was decided already (by someone else, meanwhile). */
    public boolean decide(
            WorkspaceId workspace,
            UUID id,
            ApplicationLifecycle decision,
            String decidedBy,
            String reason,
            Instant now) {
        return db.sql("""
                        update programs_application set status = ?, decided_by = ?, decision_reason = ?, decided_at = ?
                        where workspace_id = ? and id = ? and status = any(?::text[])
                        """)
                        .params(
                                decision.to().name(),
                                decidedBy,
                                reason,
                                Rows.ts(now),
                                workspace.value(),
                                id,
                                decision.fromNames())
                        .update()
                == 1;
    }

    public void linkPartner(WorkspaceId workspace, UUID id, PartnerId partner) {
        db.sql("update programs_application set partner_id = ? where workspace_id = ? and id = ?")
                .params(partner.value(), workspace.value(), id)
                .update();
    }

    private ApplicationView map(ResultSet rs, int row) throws SQLException {
        UUID partner = rs.getObject("partner_id", UUID.class);
        return new ApplicationView(
                rs.getObject("id", UUID.class),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("program_name"),
                rs.getString("company_name"),
                rs.getString("website"),
                rs.getString("domain"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                Rows.types(rs.getArray("partner_types")),
                rs.getString("region"),
                json.readValue(rs.getString("answers"), new TypeReference<List<Answer>>() {}),
                rs.getInt("score"),
                json.readValue(rs.getString("score_lines"), new TypeReference<List<ScoreLine>>() {}),
                ApplicationStatus.valueOf(rs.getString("status")),
                Rows.instant(rs.getTimestamp("submitted_at")),
                Rows.instant(rs.getTimestamp("decided_at")),
                rs.getString("decided_by"),
                rs.getString("decision_reason"),
                partner == null ? null : new PartnerId(partner));
    }
}
