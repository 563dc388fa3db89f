package dev.canopy.deals.internal;

import dev.canopy.deals.ProtectedDeal;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which registration protects an account (by its registrable domain) at a moment: for review and attribution. */
@Repository
public class ProtectionTable {

    private final JdbcClient db;

    ProtectionTable(JdbcClient db) {
        this.db = db;
    }

    /** The approved, still protected registration of the account at {@code domain}, if any. */
    public Optional<ProtectedDeal> protecting(WorkspaceId workspace, String domain, Instant at, UUID except) {
        return db.sql("""
                        select id, partner_id, program_id, domain, decided_at, protected_until from deals_registration
                        where workspace_id = ? and domain = ? and status = 'APPROVED' and protected_until > ?
                            and id <> ?
                        order by decided_at limit 1
                        """)
                .params(workspace.value(), domain, Rows.ts(at), except)
                .query(ProtectionTable::protectedDeal)
                .optional();
    }

    /**
     * The registration a customer of the account belongs to at {@code at}: approved before then and
     * protected at that moment, or won (a won account stays with its partner).
     */
    public Optional<ProtectedDeal> attributing(WorkspaceId workspace, String domain, Instant at) {
        return db.sql("""
                        select id, partner_id, program_id, domain, decided_at, protected_until from deals_registration
                        where workspace_id = ? and domain = ? and decided_at <= ?
                          and ((status = 'APPROVED' and protected_until > ?) or status = 'WON')
                        order by decided_at limit 1
                        """)
                .params(workspace.value(), domain, Rows.ts(at), Rows.ts(at))
                .query(ProtectionTable::protectedDeal)
                .optional();
    }

    private static ProtectedDeal protectedDeal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProtectedDeal(
                rs.getObject("id", UUID.class),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                rs.getString("domain"),
                Rows.instant(rs.getTimestamp("decided_at")),
                Rows.instant(rs.getTimestamp("protected_until")));
    }
}
