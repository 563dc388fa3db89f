package dev.canopy.commissions.internal;

import dev.canopy.commissions.PayoutClaims;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payout runs' hold on commissions, set-based for runs over thousands of partners. */
@Repository
public class ClaimTable {

    /** Per partner and currency, with what was approved at each moment, oldest first. */
    private static final String GROUPS = """
            select g.partner_id, g.currency, sum(g.amount) as total, sum(g.n) as n, max(g.minimum) as minimum,
                   array_agg(g.approved_at order by g.approved_at) as credited_at,
                   array_agg(g.amount order by g.approved_at) as credited
            from (select c.partner_id, c.currency, c.approved_at, sum(c.amount) as amount, count(*) as n,
                         coalesce(max(p.payout_minimum), 0) as minimum
                  from commissions_commission c
                  left join commissions_plan p on p.program_id = c.program_id
                  %s
                  group by c.partner_id, c.currency, c.approved_at) g
            group by g.partner_id, g.currency
            """;

    private final JdbcClient db;

    ClaimTable(JdbcClient db) {
        this.db = db;
    }

    public int claim(WorkspaceId workspace, UUID run, Instant cutoff) {
        return db.sql("""
                        update commissions_commission set status = ?, payout_run_id = ?
                        where workspace_id = ? and status = any(?::text[]) and payable and payout_run_id is null
                          and approved_at <= ?
                        """)
                .params(
                        CommissionLifecycle.CLAIM.to().name(),
                        run,
                        workspace.value(),
                        CommissionLifecycle.CLAIM.fromNames(),
                        Timestamp.from(cutoff))
                .update();
    }

    public List<PayoutClaims.Group> groups(WorkspaceId workspace, UUID run) {
        return db.sql(GROUPS.formatted("where c.workspace_id = ? and c.payout_run_id = ?"))
                .params(workspace.value(), run)
                .query(ClaimTable::group)
                .list();
    }

    public List<PayoutClaims.Group> preview(WorkspaceId workspace, Instant cutoff) {
        return db.sql(GROUPS.formatted("""
                        where c.workspace_id = ? and c.status = any(?::text[]) and c.payable and c.payout_run_id is null
                          and c.approved_at <= ?
                        """))
                .params(workspace.value(), CommissionLifecycle.CLAIM.fromNames(), Timestamp.from(cutoff))
                .query(ClaimTable::group)
                .list();
    }

    public void release(WorkspaceId workspace, UUID run, PartnerId partner, String currency) {
        db.sql("""
                        update commissions_commission set status = ?, payout_run_id = null
                        where workspace_id = ? and payout_run_id = ? and partner_id = ? and currency = ?
                          and status = any(?::text[])
                        """)
                .params(
                        CommissionLifecycle.CARRY.to().name(),
                        workspace.value(),
                        run,
                        partner.value(),
                        currency,
                        CommissionLifecycle.CARRY.fromNames())
                .update();
    }

    public int markPaid(WorkspaceId workspace, UUID run) {
        return db.sql("""
                        update commissions_commission set status = ?
                        where workspace_id = ? and payout_run_id = ? and status = any(?::text[])
                        """)
                .params(
                        CommissionLifecycle.PAY.to().name(),
                        workspace.value(),
                        run,
                        CommissionLifecycle.PAY.fromNames())
                .update();
    }

    private static PayoutClaims.Group group(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        Timestamp[] at = (Timestamp[]) rs.getArray("credited_at").getArray();
        BigDecimal[] amounts = (BigDecimal[]) rs.getArray("credited").getArray();
        List<PayoutClaims.Credit> credits = new ArrayList<>(at.length);
        for (int i = 0; i < at.length; i++) {
            credits.add(new PayoutClaims.Credit(at[i].toInstant(), Money.of(amounts[i], currency)));
        }
        return new PayoutClaims.Group(
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                Money.of(rs.getBigDecimal("total"), currency),
                rs.getInt("n"),
                Money.of(rs.getBigDecimal("minimum"), currency),
                credits);
    }
}
