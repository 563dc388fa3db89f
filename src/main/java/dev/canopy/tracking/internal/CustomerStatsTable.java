package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Paying customers counted for analytics: accounts that paid, churn, cohorts by month of first payment. */
@Repository
public class CustomerStatsTable {

    /** Which customers: a workspace's, optionally one programme's, or among some partners (null: any). */
    public record Scope(WorkspaceId workspace, UUID program, Collection<UUID> partners) {}

    public record Accounts(boolean partnered, long accounts) {}

    public record Churn(boolean partnered, long atStart, long churned) {}

    /** Customers who first paid in {@code cohort} (a month's first day), and the month they churned (or null). */
    public record Cohort(LocalDate cohort, boolean partnered, LocalDate churnedIn, long customers) {}

    private static final String SCOPE = """
              and (cast(:program as uuid) is null or program_id = :program)
              and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
            """;

    private final JdbcClient db;

    CustomerStatsTable(JdbcClient db) {
        this.db = db;
    }

    /** Customers with a payment from {@code from} (included) to {@code to} (excluded), with and without partner. */
    public List<Accounts> paying(Scope scope, Instant from, Instant to) {
        return bind(db.sql("""
                                select partnered, count(*) from (
                                  select distinct partner_id is not null as partnered, customer_id
                                  from tracking_conversion
                                  where workspace_id = :workspace and kind = 'SALE' and applied
                                    and occurred_at >= :from and occurred_at < :to
                                """ + SCOPE + ") paid group by 1"), scope)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Accounts(rs.getBoolean(1), rs.getLong(2)))
                .list();
    }

    /**
     * Paying customers when day {@code from} began, and how many of them churned before day {@code to} (excluded):
     * those paying are the first payments less the churns before it, from the day rollups (V54); the churned are read
     * from the customers who churned in the window (an index of them), as only they say whether they paid before it.
     */
    public List<Churn> churn(Scope scope, LocalDate from, LocalDate to) {
        String atStart = scope.partners() == null
                ? "select partnered, sum(started) - sum(churned) as customers, 0 as churned"
                        + " from tracking_customer_total_day where workspace_id = :workspace and day < :from"
                        + " and (cast(:program as uuid) is null or program_id = :program) group by 1"
                : "select true as partnered, sum(started) - sum(churned) as customers, 0 as churned"
                        + " from tracking_customer_day"
                        + " where workspace_id = :workspace and day < :from" + SCOPE;
        return bind(
                        db.sql("select partnered, sum(customers), sum(churned) from (" + atStart + """
                                 union all
                                 select partner_id is not null, 0, count(*) from tracking_customer
                                 where workspace_id = :workspace and churned_at is not null and first_sale_at is not null
                                   and greatest(churned_at, first_sale_at) >= :fromMoment
                                   and greatest(churned_at, first_sale_at) < :toMoment
                                   and first_sale_at < :fromMoment
                                """ + SCOPE
                                + " group by 1) counted group by 1"),
                        scope)
                .param("from", from)
                .param("fromMoment", moment(from))
                .param("toMoment", moment(to))
                .query((rs, n) -> new Churn(rs.getBoolean(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /**
     * Customers who first paid in the months from {@code first} to the one before day {@code to} (excluded), by month,
     * UTC: whole months from the cohort rollups (V54), less those who first paid from {@code to} to the end of its
     * month (none, for a period that ends today).
     */
    public List<Cohort> cohorts(Scope scope, YearMonth first, LocalDate to) {
        YearMonth last = YearMonth.from(to.minusDays(1));
        String months = scope.partners() == null
                ? "select month, partnered, churned_in, customers from tracking_customer_total_cohort"
                        + " where workspace_id = :workspace and month >= :first and month <= :last"
                        + " and (cast(:program as uuid) is null or program_id = :program)"
                : "select month, true, churned_in, customers from tracking_customer_cohort"
                        + " where workspace_id = :workspace and month >= :first and month <= :last" + SCOPE;
        return bind(
                        db.sql("select month, partnered, churned_in, sum(customers) from (" + months + """
                                 union all
                                 select date_trunc('month', first_sale_at at time zone 'UTC')::date,
                                        partner_id is not null,
                                        case when churned_at is not null then date_trunc(
                                            'month', greatest(churned_at, first_sale_at) at time zone 'UTC')::date end,
                                        -1
                                 from tracking_customer
                                 where workspace_id = :workspace and first_sale_at >= :toMoment
                                   and first_sale_at < :monthEnd
                                """ + SCOPE
                                + """
                                ) counted (month, partnered, churned_in, customers)
                                group by 1, 2, 3 having sum(customers) <> 0
                                """),
                        scope)
                .param("first", first.atDay(1))
                .param("last", last.atDay(1))
                .param("toMoment", moment(to))
                .param("monthEnd", moment(last.plusMonths(1).atDay(1)))
                .query((rs, n) -> new Cohort(
                        rs.getObject(1, LocalDate.class),
                        rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getLong(4)))
                .list();
    }

    private static Timestamp moment(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A partner's first lead and first sale (either may be null). */
    public record Firsts(UUID partnerId, Instant lead, Instant sale) {}

    /**
     * One look-up per partner, the earliest first along the index by partner and time: a year's approved partners
     * took 2.1 s summed over all their conversions at 20 million clicks (bench/analytics), a few milliseconds so.
     */
    public List<Firsts> firsts(WorkspaceId workspace, Collection<UUID> partners) {
        return db.sql("""
                        select p.id,
                               (select min(c.occurred_at) from tracking_conversion c
                                where c.workspace_id = :workspace and c.partner_id = p.id and c.kind = 'LEAD'
                                  and c.applied),
                               (select min(c.occurred_at) from tracking_conversion c
                                where c.workspace_id = :workspace and c.partner_id = p.id and c.kind = 'SALE'
                                  and c.applied)
                        from unnest(cast(:partners as uuid[])) as p (id)
                        """)
                .param("workspace", workspace.value())
                .param("partners", partners.toArray(UUID[]::new))
                .query((rs, n) -> new Firsts(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Scope scope) {
        return sql.param("workspace", scope.workspace().value())
                .param("program", scope.program())
                .param("anyPartner", scope.partners() == null)
                .param(
                        "partners",
                        scope.partners() == null
                                ? new UUID[0]
                                : scope.partners().toArray(UUID[]::new));
    }
}
