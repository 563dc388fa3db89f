package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Approved deal registrations by customer domain: the strongest attribution evidence. */
@Repository
public class DealSignalTable {

    public record Row(
            UUID dealId,
            PartnerId partner,
            ProgramId program,
            String domain,
            Instant approvedAt,
            Instant protectedUntil) {}

    private final JdbcClient db;

    DealSignalTable(JdbcClient db) {
        this.db = db;
    }

    public void approved(WorkspaceId workspace, Row deal, String accountName) {
        db.sql("""
                        insert into tracking_deal_signal (workspace_id, deal_id, partner_id, program_id, account_name, domain,
                          approved_at, protected_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, deal_id) do update set protected_until = excluded.protected_until,
                          ended_at = null
                        """)
                .params(
                        workspace.value(),
                        deal.dealId(),
                        deal.partner().value(),
                        deal.program().value(),
                        accountName,
                        deal.domain(),
                        Timestamp.from(deal.approvedAt()),
                        Timestamp.from(deal.protectedUntil()))
                .update();
    }

    public void ended(WorkspaceId workspace, UUID deal, Instant at) {
        db.sql(
                        "update tracking_deal_signal set ended_at = ? where workspace_id = ? and deal_id = ? and ended_at is null")
                .params(Timestamp.from(at), workspace.value(), deal)
                .update();
    }

    /** Registrations for the domain that were approved and still protected at {@code at}. */
    public List<Row> protectedAt(WorkspaceId workspace, String domain, Instant at) {
        return db.sql("""
                        select deal_id, partner_id, program_id, domain, approved_at, protected_until from tracking_deal_signal
                        where workspace_id = ? and domain = ? and approved_at <= ? and protected_until >= ?
                          and (ended_at is null or ended_at > ?)
                        order by approved_at desc
                        """)
                .params(workspace.value(), domain, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at))
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        new PartnerId(rs.getObject(2, UUID.class)),
                        new ProgramId(rs.getObject(3, UUID.class)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
