package dev.canopy.comarketing.internal;

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

/** MDF budgets and their allocations. */
@Repository
public class MdfBudgetTable {

    public record Row(
            UUID id,
            UUID programId,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            Money amount,
            int claimDays,
            @Nullable Money secondApprovalAbove,
            String createdBy,
            Instant createdAt) {

        /** Open for requests on {@code today}: its period has not ended (use it or lose it). */
        public boolean open(LocalDate today) {
            return !today.isAfter(endsOn);
        }
    }

    public record Allocation(
            UUID id,
            UUID budgetId,
            @Nullable UUID partnerId,
            @Nullable UUID tierId,
            Money amount,
            @Nullable BigDecimal accrualPercent) {}

    private static final String COLUMNS =
            "id, program_id, name, starts_on, ends_on, currency, amount, claim_days, second_approval_above,"
                    + " created_by, created_at";

    private final JdbcClient db;

    MdfBudgetTable(JdbcClient db) {
        this.db = db;
    }

    public void insert(WorkspaceId workspace, Row r) {
        db.sql("insert into comarketing_budget (workspace_id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspace.value(),
                        r.id(),
                        r.programId(),
                        r.name(),
                        Date.valueOf(r.startsOn()),
                        Date.valueOf(r.endsOn()),
                        r.amount().currencyCode(),
                        r.amount().amount(),
                        r.claimDays(),
                        r.secondApprovalAbove() == null
                                ? null
                                : r.secondApprovalAbove().amount(),
                        r.createdBy(),
                        Timestamp.from(r.createdAt()))
                .update();
    }

    public List<Row> list(WorkspaceId workspace) {
        return db.sql("select " + COLUMNS
                        + " from comarketing_budget where workspace_id = ? order by starts_on desc, name")
                .param(workspace.value())
                .query(MdfBudgetTable::row)
                .list();
    }

    public Optional<Row> find(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from comarketing_budget where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(MdfBudgetTable::row)
                .optional();
    }

    /**
     * The budget, locked until the transaction ends: every request, approval and claim of a budget checks its sums
     * under this lock, so two at once cannot both take the last of it.
     */
    public Optional<Row> lock(WorkspaceId workspace, UUID id) {
        return db.sql("select " + COLUMNS + " from comarketing_budget where workspace_id = ? and id = ? for update")
                .params(workspace.value(), id)
                .query(MdfBudgetTable::row)
                .optional();
    }

    public boolean insertAllocation(WorkspaceId workspace, Allocation a, String by, Instant at) {
        return db.sql("""
                        insert into comarketing_allocation (id, workspace_id, budget_id, partner_id, tier_id, amount,
                                                    accrual_percent, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing
                        """)
                        .params(
                                a.id(),
                                workspace.value(),
                                a.budgetId(),
                                a.partnerId(),
                                a.tierId(),
                                a.amount().amount(),
                                a.accrualPercent(),
                                by,
                                Timestamp.from(at))
                        .update()
                == 1;
    }

    public List<Allocation> allocations(WorkspaceId workspace, UUID budget) {
        return db.sql("""
                        select a.id, a.budget_id, a.partner_id, a.tier_id, a.amount, a.accrual_percent, b.currency
                        from comarketing_allocation a join comarketing_budget b on b.id = a.budget_id
                        where a.workspace_id = ? and a.budget_id = ? order by a.created_at, a.id
                        """)
                .params(workspace.value(), budget)
                .query(MdfBudgetTable::allocation)
                .list();
    }

    public Optional<Allocation> findAllocation(WorkspaceId workspace, UUID id) {
        return db.sql("""
                        select a.id, a.budget_id, a.partner_id, a.tier_id, a.amount, a.accrual_percent, b.currency
                        from comarketing_allocation a join comarketing_budget b on b.id = a.budget_id
                        where a.workspace_id = ? and a.id = ?
                        """)
                .params(workspace.value(), id)
                .query(MdfBudgetTable::allocation)
                .optional();
    }

    public void deleteAllocation(WorkspaceId workspace, UUID id) {
        db.sql("delete from comarketing_allocation where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .update();
    }

    private static Allocation allocation(ResultSet rs, int n) throws SQLException {
        return new Allocation(
                rs.getObject("id", UUID.class),
                rs.getObject("budget_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                rs.getObject("tier_id", UUID.class),
                Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getBigDecimal("accrual_percent"));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal second = rs.getBigDecimal("second_approval_above");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                Money.of(rs.getBigDecimal("amount"), currency),
                rs.getInt("claim_days"),
                second == null ? null : Money.of(second, currency),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
