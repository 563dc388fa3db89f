package dev.canopy.deals.internal;

import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deal registrations summed per UTC day, for analytics: approvals (pipeline), wins and losses. */
@Repository
public class DealStatsTable {

    /**
     * One day's registrations (of the partners asked for) that reached {@code outcome} (APPROVED, WON or LOST) in one
     * currency; {@code sourcing} for wins; {@code cycleDays} sums, for wins and losses, the days from approval to close.
     */
    public record Row(
            LocalDate day,
            String outcome,
            String sourcing,
            String currency,
            long deals,
            BigDecimal amount,
            BigDecimal cycleDays) {}

    private final JdbcClient db;

    DealStatsTable(JdbcClient db) {
        this.db = db;
    }

    /** Each partner's first registration, among {@code partners}: one index probe per partner (V45). */
    public Map<UUID, Instant> firstRegistrations(WorkspaceId workspace, Collection<UUID> partners) {
        Map<UUID, Instant> firsts = new HashMap<>();
        db.sql("""
                        select p.id, f.first
                        from unnest(?::uuid[]) as p(id)
                        cross join lateral (select min(r.submitted_at) as first from deals_registration r
                                            where r.workspace_id = ? and r.partner_id = p.id) f
                        where f.first is not null
                        """)
                .params(partners.toArray(UUID[]::new), workspace.value())
                .query((rs, n) -> firsts.put(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
        return firsts;
    }

    /**
     * Registrations approved, won or lost from {@code from} (included) to {@code to} (excluded), per outcome,
     * sourcing and currency (summed over the partners: a row per partner was most of this query's time) — and per day ({@code day} null otherwise) for amounts not in {@code reporting}, which are
     * converted at each day's rate.
     */
    public List<Row> days(
            WorkspaceId workspace,
            LocalDate from,
            LocalDate to,
            UUID program,
            Collection<UUID> partners,
            String reporting) {
        return db.sql("""
                        -- Each branch reads only its window (the partial indexes of V33): a shared CTE would be
                        -- materialised over the workspace's every registration first.
                        with outcomes as (
                            -- Every registration approved, whatever became of it: the pipeline it opened.
                            select 'APPROVED' as outcome, null as sourcing, currency, amount,
                                   null::numeric as cycle, decided_at as at
                            from deals_registration
                            where workspace_id = :workspace and decided_at is not null and status <> 'REJECTED'
                              and decided_at >= (cast(:from as date) at time zone 'UTC')
                              and decided_at < (cast(:to as date) at time zone 'UTC')
                              and (cast(:program as uuid) is null or program_id = :program)
                              and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                            union all
                            select status, sourcing, currency, amount,
                                   extract(epoch from closed_at - decided_at) / 86400, closed_at
                            from deals_registration
                            where workspace_id = :workspace and status in ('WON', 'LOST') and closed_at is not null
                              and closed_at >= (cast(:from as date) at time zone 'UTC')
                              and closed_at < (cast(:to as date) at time zone 'UTC')
                              and (cast(:program as uuid) is null or program_id = :program)
                              and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                        )
                        select case when currency = :reporting then null else (at at time zone 'UTC')::date end as day,
                               outcome, sourcing, currency, count(*), sum(amount), coalesce(sum(cycle), 0)
                        from outcomes
                        group by 1, 2, 3, 4
                        """)
                .param("workspace", workspace.value())
                .param("program", program)
                .param("anyPartner", partners == null)
                .param("partners", partners == null ? new UUID[0] : partners.toArray(UUID[]::new))
                .param("reporting", reporting)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .list();
    }
}
