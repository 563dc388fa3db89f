package dev.canopy.commissions.internal;

import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commissions summed per UTC day of their making, partner and currency, for analytics. */
@Repository
public class CommissionStatsTable {

    public record Row(LocalDate day, UUID partnerId, String currency, BigDecimal amount) {}

    private final JdbcClient db;

    CommissionStatsTable(JdbcClient db) {
        this.db = db;
    }

    /**
     * What the programme costs, per partner and currency — per UTC day of making too for amounts not in {@code
     * reporting}, which are converted at each day's rate: payable commissions (reseller margins are recorded, not paid), reversals and
     * clawbacks netted in, declined ones left out.
     */
    public List<Row> cost(
            WorkspaceId workspace,
            LocalDate from,
            LocalDate to,
            UUID program,
            Collection<UUID> partners,
            String reporting) {
        return db.sql("""
                        select case when currency = :reporting then null else (created_at at time zone 'UTC')::date end,
                               partner_id, currency, sum(amount)
                        from commissions_commission
                        where workspace_id = :workspace
                          and created_at >= (cast(:from as date) at time zone 'UTC')
                          and created_at < (cast(:to as date) at time zone 'UTC')
                          and payable and status <> 'DECLINED'
                          and (cast(:program as uuid) is null or program_id = :program)
                          and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                        group by 1, 2, 3
                        """)
                .param("workspace", workspace.value())
                .param("from", from)
                .param("to", to)
                .param("program", program)
                .param("anyPartner", partners == null)
                .param("partners", partners == null ? new UUID[0] : partners.toArray(UUID[]::new))
                .param("reporting", reporting)
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    /** The same cost per UTC day and currency, every partner together ({@code partnerId} null): for charts. */
    public List<Row> costByDay(
            WorkspaceId workspace, LocalDate from, LocalDate to, UUID program, Collection<UUID> partners) {
        return db.sql("""
                        select (created_at at time zone 'UTC')::date, currency, sum(amount)
                        from commissions_commission
                        where workspace_id = :workspace
                          and created_at >= (cast(:from as date) at time zone 'UTC')
                          and created_at < (cast(:to as date) at time zone 'UTC')
                          and payable and status <> 'DECLINED'
                          and (cast(:program as uuid) is null or program_id = :program)
                          and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                        group by 1, 2
                        """)
                .param("workspace", workspace.value())
                .param("from", from)
                .param("to", to)
                .param("program", program)
                .param("anyPartner", partners == null)
                .param("partners", partners == null ? new UUID[0] : partners.toArray(UUID[]::new))
                .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), null, rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }
}
