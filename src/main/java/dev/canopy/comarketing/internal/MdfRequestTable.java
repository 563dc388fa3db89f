package dev.canopy.comarketing.internal;

import dev.canopy.comarketing.ActivityType;
import dev.canopy.comarketing.FundRequestStatus;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.TransactionLocks;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for funds. */
@Repository
public class MdfRequestTable {

    public record Row(
            UUID id,
            int number,
            UUID budgetId,
            String budgetName,
            UUID partnerId,
            ActivityType activityType,
            String title,
            String description,
            LocalDate startsOn,
            LocalDate endsOn,
            Money plannedCost,
            int expectedLeads,
            FundRequestStatus status,
            @Nullable Money approvedAmount,
            @Nullable String firstApprovedBy,
            @Nullable String firstApproverId,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String reason,
            @Nullable LocalDate claimDueOn,
            @Nullable String extensionReason,
            String submittedBy,
            Instant submittedAt) {

        /** "MDF-0007": how people name the request. */
        public String reference() {
            return "MDF-" + String.format("%04d", number);
        }

        /** The request as its pages show it; above {@code secondApprovalAbove}, two people approve. */
        public FundRequestView view(String partnerName, @Nullable Money secondApprovalAbove) {
            return new FundRequestView(
                    id,
                    reference(),
                    "mdf-" + number,
                    budgetId,
                    budgetName,
                    new PartnerId(partnerId),
                    partnerName,
                    activityType,
                    title,
                    description,
                    startsOn,
                    endsOn,
                    plannedCost,
                    expectedLeads,
                    status,
                    approvedAmount,
                    secondApprovalAbove != null && plannedCost.compareTo(secondApprovalAbove) > 0,
                    firstApprovedBy,
                    decidedBy,
                    decidedAt,
                    reason,
                    claimDueOn,
                    extensionReason,
                    submittedBy,
                    submittedAt);
        }
    }

    /** What one partner's requests in one budget hold: waiting for approval, and approved. */
    public record Sums(BigDecimal requested, BigDecimal approved) {}

    private static final String SELECT = """
            select r.id, r.number, r.budget_id, b.name as budget_name, r.partner_id, r.activity_type, r.title,
                   r.description, r.starts_on, r.ends_on, r.planned_cost, b.currency, r.expected_leads, r.status,
                   r.approved_amount, r.first_approved_by, r.first_approver_id, r.decided_by, r.decided_at, r.reason,
                   r.claim_due_on, r.extension_reason, r.submitted_by, r.submitted_at
            from comarketing_request r join comarketing_budget b on b.id = r.budget_id
            """;

    private final JdbcClient db;

    MdfRequestTable(JdbcClient db) {
        this.db = db;
    }

    /** The next request number of the workspace; the advisory lock holds until the transaction ends. */
    public int nextNumber(WorkspaceId workspace) {
        TransactionLocks.lock(db, "comarketing_request:" + workspace.value());
        return db.sql("select coalesce(max(number), 0) + 1 from comarketing_request where workspace_id = ?")
                .param(workspace.value())
                .query(Integer.class)
                .single();
    }

    public void insert(WorkspaceId workspace, Row r) {
        db.sql("""
                        insert into comarketing_request (id, workspace_id, budget_id, partner_id, number, activity_type, title,
                                                 description, starts_on, ends_on, planned_cost, expected_leads, status,
                                                 submitted_by, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                        """)
                .params(
                        r.id(),
                        workspace.value(),
                        r.budgetId(),
                        r.partnerId(),
                        r.number(),
                        r.activityType().name(),
                        r.title(),
                        r.description(),
                        Date.valueOf(r.startsOn()),
                        Date.valueOf(r.endsOn()),
                        r.plannedCost().amount(),
                        r.expectedLeads(),
                        r.submittedBy(),
                        Timestamp.from(r.submittedAt()))
                .update();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql(SELECT + " where r.workspace_id = ? and r.id = ?")
                .params(workspace.value(), id)
                .query(MdfRequestTable::row)
                .optional();
    }

    /** Requests of the workspace, newest first: of one partner (or all), in one status (or any). */
    public List<Row> list(
            WorkspaceId workspace, @Nullable UUID partner, @Nullable FundRequestStatus status, @Nullable UUID budget) {
        return db.sql(SELECT + """
                         where r.workspace_id = ? and (?::uuid is null or r.partner_id = ?)
                           and (?::text is null or r.status = ?) and (?::uuid is null or r.budget_id = ?)
                        order by r.submitted_at desc, r.number desc limit 500
                        """)
                .params(
                        workspace.value(),
                        partner,
                        partner,
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        budget,
                        budget)
                .query(MdfRequestTable::row)
                .list();
    }

    public Sums sums(WorkspaceId workspace, UUID budget, UUID partner) {
        return db.sql("""
                        select coalesce(sum(planned_cost) filter (where status = 'SUBMITTED'), 0) as requested,
                               coalesce(sum(approved_amount) filter (where status = 'APPROVED'), 0) as approved
                        from comarketing_request where workspace_id = ? and budget_id = ? and partner_id = ?
                        """)
                .params(workspace.value(), budget, partner)
                .query((rs, n) -> new Sums(rs.getBigDecimal("requested"), rs.getBigDecimal("approved")))
                .single();
    }

    /** What the budget's approved requests hold, all partners together. */
    public BigDecimal approvedInBudget(WorkspaceId workspace, UUID budget) {
        return db.sql("""
                        select coalesce(sum(approved_amount), 0) from comarketing_request
                        where workspace_id = ? and budget_id = ? and status = 'APPROVED'
                        """)
                .params(workspace.value(), budget)
                .query(BigDecimal.class)
                .single();
    }

    /** The first of two approvals: recorded, the request still waits for a second person. */
    public void firstApproval(WorkspaceId workspace, UUID id, String by, String byId) {
        db.sql("""
                        update comarketing_request set first_approved_by = ?, first_approver_id = ?
                        where workspace_id = ? and id = ? and status = 'SUBMITTED'
                        """).params(by, byId, workspace.value(), id).update();
    }

    public void approve(WorkspaceId workspace, UUID id, BigDecimal amount, String by, Instant at, LocalDate claimDue) {
        db.sql("""
                        update comarketing_request set status = 'APPROVED', approved_amount = ?, decided_by = ?, decided_at = ?,
                                               claim_due_on = ?
                        where workspace_id = ? and id = ? and status = 'SUBMITTED'
                        """)
                .params(amount, by, Timestamp.from(at), Date.valueOf(claimDue), workspace.value(), id)
                .update();
    }

    /** Rejected by staff (REJECTED) or withdrawn by the partner (CANCELLED), with the reason. */
    public void close(WorkspaceId workspace, UUID id, FundRequestStatus status, String reason, String by, Instant at) {
        db.sql("""
                        update comarketing_request set status = ?, reason = ?, decided_by = ?, decided_at = ?
                        where workspace_id = ? and id = ? and status = 'SUBMITTED'
                        """)
                .params(status.name(), reason, by, Timestamp.from(at), workspace.value(), id)
                .update();
    }

    public void askExtension(WorkspaceId workspace, UUID id, String reason) {
        db.sql("update comarketing_request set extension_reason = ? where workspace_id = ? and id = ?")
                .params(reason, workspace.value(), id)
                .update();
    }

    public void extend(WorkspaceId workspace, UUID id, LocalDate due) {
        db.sql(
                        "update comarketing_request set claim_due_on = ?, extension_reason = null where workspace_id = ? and id = ?")
                .params(Date.valueOf(due), workspace.value(), id)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal approved = rs.getBigDecimal("approved_amount");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getInt("number"),
                rs.getObject("budget_id", UUID.class),
                rs.getString("budget_name"),
                rs.getObject("partner_id", UUID.class),
                ActivityType.valueOf(rs.getString("activity_type")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                Money.of(rs.getBigDecimal("planned_cost"), currency),
                rs.getInt("expected_leads"),
                FundRequestStatus.valueOf(rs.getString("status")),
                approved == null ? null : Money.of(approved, currency),
                rs.getString("first_approved_by"),
                rs.getString("first_approver_id"),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("reason"),
                rs.getObject("claim_due_on", LocalDate.class),
                rs.getString("extension_reason"),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
