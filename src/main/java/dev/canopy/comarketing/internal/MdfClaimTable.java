package dev.canopy.comarketing.internal;

import dev.canopy.comarketing.ClaimLineView;
import dev.canopy.comarketing.ClaimStatus;
import dev.canopy.comarketing.LineDecision;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.Reimbursements;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims of what approved activities cost, their lines with receipts, and their way through payout runs. */
@Repository
public class MdfClaimTable {

    public record Row(
            UUID id,
            UUID requestId,
            UUID partnerId,
            ClaimStatus status,
            Money claimed,
            @Nullable Money approved,
            String submittedBy,
            Instant submittedAt,
            @Nullable String reviewedBy,
            @Nullable Instant reviewedAt,
            @Nullable UUID payoutRunId,
            @Nullable Instant paidAt) {}

    /** A line as stored, with the key of its receipt in the file store. */
    public record Line(UUID id, ClaimLineView view, String receiptKey) {}

    /** What one partner's claims in one budget hold: claimed (approved amount once reviewed) and paid. */
    public record Sums(BigDecimal claimed, BigDecimal paid) {}

    private static final String SELECT = """
            select id, request_id, partner_id, currency, status, claimed_amount, approved_amount, submitted_by,
                   submitted_at, reviewed_by, reviewed_at, payout_run_id, paid_at
            from comarketing_claim
            """;

    private final JdbcClient db;

    MdfClaimTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row r, List<Line> lines) {
        db.sql("""
                        insert into comarketing_claim (id, workspace_id, request_id, partner_id, currency, status,
                                               claimed_amount, submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)
                        """)
                .params(
                        r.id(),
                        workspace.value(),
                        r.requestId(),
                        r.partnerId(),
                        r.claimed().currencyCode(),
                        r.claimed().amount(),
                        r.submittedBy(),
                        Timestamp.from(r.submittedAt()))
                .update();
        for (Line l : lines) {
            ClaimLineView v = l.view();
            db.sql("""
                            insert into comarketing_claim_line (id, claim_id, position, description, amount, receipt_key,
                                                        receipt_name, receipt_type)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            l.id(),
                            r.id(),
                            v.position(),
                            v.description(),
                            v.amount().amount(),
                            l.receiptKey(),
                            v.receiptName(),
                            v.receiptType())
                    .update();
        }
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(MdfClaimTable::row)
                .optional();
    }

    /** The claim of a request that still stands (not rejected), if any. */
    public Optional<Row> ofRequest(WorkspaceId workspace, UUID request) {
        return db.sql(SELECT + " where workspace_id = ? and request_id = ? and status <> 'REJECTED'")
                .params(workspace.value(), request)
                .query(MdfClaimTable::row)
                .optional();
    }

    public List<Row> list(WorkspaceId workspace, @Nullable UUID partner, @Nullable ClaimStatus status) {
        return db.sql(SELECT + """
                         where workspace_id = ? and (?::uuid is null or partner_id = ?)
                           and (?::text is null or status = ?)
                        order by submitted_at desc limit 500
                        """)
                .params(
                        workspace.value(),
                        partner,
                        partner,
                        status == null ? null : status.name(),
                        status == null ? null : status.name())
                .query(MdfClaimTable::row)
                .list();
    }

    public List<Line> lines(UUID claim, String currency) {
        return db.sql("""
                        select id, position, description, amount, receipt_key, receipt_name, receipt_type, decision,
                               accepted_amount, reason
                        from comarketing_claim_line where claim_id = ? order by position
                        """)
                .param(claim)
                .query((rs, n) -> {
                    String decision = rs.getString("decision");
                    BigDecimal accepted = rs.getBigDecimal("accepted_amount");
                    UUID id = rs.getObject("id", UUID.class);
                    return new Line(
                            id,
                            new ClaimLineView(
                                    id,
                                    rs.getInt("position"),
                                    rs.getString("description"),
                                    Money.of(rs.getBigDecimal("amount"), currency),
                                    rs.getString("receipt_name"),
                                    rs.getString("receipt_type"),
                                    decision == null ? null : LineDecision.valueOf(decision),
                                    accepted == null ? null : Money.of(accepted, currency),
                                    rs.getString("reason")),
                            rs.getString("receipt_key"));
                })
                .list();
    }

    public Sums sums(WorkspaceId workspace, UUID budget, UUID partner) {
        return db.sql("""
                        select coalesce(sum(case when c.status = 'SUBMITTED' then c.claimed_amount
                                                 else c.approved_amount end), 0) as claimed,
                               coalesce(sum(c.approved_amount) filter (where c.status = 'PAID'), 0) as paid
                        from comarketing_claim c join comarketing_request r on r.id = c.request_id
                        where c.workspace_id = ? and r.budget_id = ? and c.partner_id = ? and c.status <> 'REJECTED'
                        """)
                .params(workspace.value(), budget, partner)
                .query((rs, n) -> new Sums(rs.getBigDecimal("claimed"), rs.getBigDecimal("paid")))
                .single();
    }

    /** What a budget paid out, all partners together. */
    public BigDecimal paidInBudget(WorkspaceId workspace, UUID budget) {
        return db.sql("""
                        select coalesce(sum(c.approved_amount), 0)
                        from comarketing_claim c join comarketing_request r on r.id = c.request_id
                        where c.workspace_id = ? and r.budget_id = ? and c.status = 'PAID'
                        """)
                .params(workspace.value(), budget)
                .query(BigDecimal.class)
                .single();
    }

    public void decideLine(UUID line, LineDecision decision, BigDecimal accepted, String reason) {
        db.sql("update comarketing_claim_line set decision = ?, accepted_amount = ?, reason = ? where id = ?")
                .params(decision.name(), accepted, reason, line)
                .update();
    }

    /** Approved (owed through the next payout run) or rejected, once: answers false when it was reviewed before. */
    public boolean review(
            WorkspaceId workspace, UUID id, ClaimStatus status, @Nullable BigDecimal approved, String by, Instant at) {
        return db.sql("""
                        update comarketing_claim set status = ?, approved_amount = ?, reviewed_by = ?, reviewed_at = ?
                        where workspace_id = ? and id = ? and status = 'SUBMITTED'
                        """)
                        .params(status.name(), approved, by, Timestamp.from(at), workspace.value(), id)
                        .update()
                == 1;
    }

    // Payout runs (Reimbursements): an approved claim belongs to one run at most.

    public int claimForRun(WorkspaceId workspace, UUID run, Instant cutoff) {
        return db.sql("""
                        update comarketing_claim set payout_run_id = ?
                        where workspace_id = ? and status = 'APPROVED' and payout_run_id is null and reviewed_at <= ?
                        """)
                .params(run, workspace.value(), Timestamp.from(cutoff))
                .update();
    }

    public List<Reimbursements.Owed> owed(WorkspaceId workspace, UUID run) {
        return db.sql("""
                        select partner_id, currency, sum(approved_amount) as amount, count(*) as n from comarketing_claim
                        where workspace_id = ? and payout_run_id = ? and status = 'APPROVED'
                        group by partner_id, currency order by partner_id, currency
                        """)
                .params(workspace.value(), run)
                .query(MdfClaimTable::owed)
                .list();
    }

    public List<Reimbursements.Owed> due(WorkspaceId workspace, Instant cutoff) {
        return db.sql("""
                        select partner_id, currency, sum(approved_amount) as amount, count(*) as n from comarketing_claim
                        where workspace_id = ? and status = 'APPROVED' and payout_run_id is null and reviewed_at <= ?
                        group by partner_id, currency order by partner_id, currency
                        """)
                .params(workspace.value(), Timestamp.from(cutoff))
                .query(MdfClaimTable::owed)
                .list();
    }

    public void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        db.sql("""
                        update comarketing_claim set payout_run_id = null
                        where workspace_id = ? and payout_run_id = ? and partner_id = ? and currency = ?
                          and status = 'APPROVED'
                        """).params(workspace.value(), run, partner.value(), currency).update();
    }

    public int markPaid(WorkspaceId workspace, UUID run, Instant at) {
        return db.sql("""
                        update comarketing_claim set status = 'PAID', paid_at = ?
                        where workspace_id = ? and payout_run_id = ? and status = 'APPROVED'
                        """).params(Timestamp.from(at), workspace.value(), run).update();
    }

    /** Claims per request, for the lists. */
    public Map<UUID, Row> standingByRequest(WorkspaceId workspace, List<UUID> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        return db
                .sql(SELECT + " where workspace_id = ? and request_id = any(?) and status <> 'REJECTED'")
                .params(workspace.value(), requests.toArray(UUID[]::new))
                .query(MdfClaimTable::row)
                .list()
                .stream()
                .collect(Collectors.toMap(Row::requestId, r -> r));
    }

    private static Reimbursements.Owed owed(ResultSet rs, int n) throws SQLException {
        return new Reimbursements.Owed(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getInt("n"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal approved = rs.getBigDecimal("approved_amount");
        Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
        Timestamp paidAt = rs.getTimestamp("paid_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                ClaimStatus.valueOf(rs.getString("status")),
                Money.of(rs.getBigDecimal("claimed_amount"), currency),
                approved == null ? null : Money.of(approved, currency),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("reviewed_by"),
                reviewedAt == null ? null : reviewedAt.toInstant(),
                rs.getObject("payout_run_id", UUID.class),
                paidAt == null ? null : paidAt.toInstant());
    }
}
