package dev.canopy.deals.internal;

import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registrations brought from another system as they stand there, beside the ones partners register. */
@Repository
public class ImportedRegistrations {

    private final JdbcClient db;

    ImportedRegistrations(JdbcClient db) {
        this.db = db;
    }

    /**
     * A registration brought from another system as it stands there: its status and stage, when it was submitted and
     * (won or lost) closed; an approved one is protected until its expected close. False when it is stored already.
     */
    public boolean insertImported(
            WorkspaceId workspace,
            RegistrationTable.Checked deal,
            String status,
            String stage,
            Instant submittedAt,
            Instant closedAt,
            String by) {
        return db.sql("""
                        insert into deals_registration (id, workspace_id, partner_id, program_id, account_name,
                            normalized_name, website, domain, contact_name, contact_email, amount, currency, products,
                            expected_close, notes, industry, status, stage, submitted_at, submitted_by, review_due_at,
                            decided_at, decided_by, protected_until, closed_at, closed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                case when ? <> 'PENDING' then ?::timestamptz end, case when ? <> 'PENDING' then ? end,
                                case when ? = 'APPROVED' then (?::date + 1)::timestamptz end, ?, ?)
                        on conflict (id) do nothing
                        """)
                        .params(RegistrationTable.with(
                                RegistrationTable.columns(workspace, deal),
                                status,
                                stage,
                                Rows.ts(submittedAt),
                                by,
                                Rows.ts(submittedAt),
                                status,
                                Rows.ts(submittedAt),
                                status,
                                by,
                                status,
                                deal.expectedClose(),
                                closedAt == null ? null : Rows.ts(closedAt),
                                closedAt == null ? null : by))
                        .update()
                == 1;
    }
}
