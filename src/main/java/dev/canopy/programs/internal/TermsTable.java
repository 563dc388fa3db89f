package dev.canopy.programs.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.TermsVersion;
import dev.canopy.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TermsTable {

    private final JdbcClient db;

    TermsTable(JdbcClient db) {
        this.db = db;
    }

    /** The next version after the latest; callers hold the programme's lock. */
    public TermsVersion publish(
            WorkspaceId workspace, ProgramId program, String body, String publishedBy, Instant now) {
        return db.sql("""
                        insert into programs_terms_version (id, workspace_id, program_id, version, body, published_at, published_by)
                        select ?, ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?
                        from programs_terms_version where program_id = ?
                        returning version, body, published_at, published_by
                        """)
                .params(
                        UUID.randomUUID(),
                        workspace.value(),
                        program.value(),
                        body,
                        Rows.ts(now),
                        publishedBy,
                        program.value())
                .query(TermsTable::map)
                .single();
    }

    public List<TermsVersion> versions(WorkspaceId workspace, ProgramId program) {
        return db.sql("""
                        select version, body, published_at, published_by from programs_terms_version
                        where workspace_id = ? and program_id = ? order by version desc
                        """)
                .params(workspace.value(), program.value())
                .query(TermsTable::map)
                .list();
    }

    public Optional<TermsVersion> current(WorkspaceId workspace, ProgramId program) {
        return versions(workspace, program).stream().findFirst();
    }

    /** False when the partner had accepted this version already. */
    public boolean accept(
            WorkspaceId workspace,
            ProgramId program,
            PartnerId partner,
            int version,
            UUID userId,
            String userName,
            Instant now) {
        return db.sql("""
                        insert into programs_terms_acceptance
                            (workspace_id, program_id, partner_id, version, accepted_at, accepted_by_user_id, accepted_by_name)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(
                                workspace.value(),
                                program.value(),
                                partner.value(),
                                version,
                                Rows.ts(now),
                                userId,
                                userName)
                        .update()
                == 1;
    }

    private static TermsVersion map(ResultSet rs, int row) throws SQLException {
        return new TermsVersion(
                rs.getInt("version"),
                rs.getString("body"),
                Rows.instant(rs.getTimestamp("published_at")),
                rs.getString("published_by"));
    }
}
