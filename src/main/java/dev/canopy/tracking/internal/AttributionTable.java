package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.AttributionSignal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every attribution decision with the evidence it rests on; rows are only ever added. */
@Repository
public class AttributionTable {

    public record Row(
            UUID id,
            UUID customerId,
            UUID eventId,
            Instant decidedAt,
            String outcome,
            UUID partnerId,
            UUID programId,
            AttributionSignal signal,
            UUID clickId,
            String couponCode,
            UUID dealId,
            Instant signalAt,
            String reason) {

        static Row of(UUID customer, UUID event, Instant decidedAt, AttributionPolicy.Decision decision) {
            AttributionPolicy.Candidate evidence = decision.evidence();
            return new Row(
                    UUID.randomUUID(),
                    customer,
                    event,
                    decidedAt,
                    decision.outcome().name(),
                    decision.partner() == null ? null : decision.partner().value(),
                    decision.program() == null ? null : decision.program().value(),
                    evidence == null ? null : evidence.signal(),
                    evidence == null ? null : evidence.clickId(),
                    evidence == null ? null : evidence.couponCode(),
                    evidence == null ? null : evidence.dealId(),
                    evidence == null ? null : evidence.at(),
                    decision.reason());
        }
    }

    private final JdbcClient db;

    AttributionTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row a) {
        db.sql("""
                        insert into tracking_attribution (id, workspace_id, customer_id, event_id, decided_at, outcome, partner_id,
                          program_id, signal, click_id, coupon_code, deal_id, signal_at, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        a.id(),
                        workspace.value(),
                        a.customerId(),
                        a.eventId(),
                        Timestamp.from(a.decidedAt()),
                        a.outcome(),
                        a.partnerId(),
                        a.programId(),
                        a.signal() == null ? null : a.signal().name(),
                        a.clickId(),
                        a.couponCode(),
                        a.dealId(),
                        a.signalAt() == null ? null : Timestamp.from(a.signalAt()),
                        a.reason())
                .update();
    }

    public List<Row> ofCustomer(WorkspaceId workspace, UUID customer) {
        return db.sql("""
                        select id, customer_id, event_id, decided_at, outcome, partner_id, program_id, signal, click_id,
                          coupon_code, deal_id, signal_at, reason
                        from tracking_attribution where workspace_id = ? and customer_id = ? order by decided_at, id
                        """)
                .params(workspace.value(), customer)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getObject(7, UUID.class),
                        rs.getString(8) == null ? null : AttributionSignal.valueOf(rs.getString(8)),
                        rs.getObject(9, UUID.class),
                        rs.getString(10),
                        rs.getObject(11, UUID.class),
                        CustomerTable.instant(rs, "signal_at"),
                        rs.getString(13)))
                .list();
    }
}
