package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily rollups of clicks and conversions that triggers keep (V31); read here, never written. */
@Repository
public class RollupTable {

    public record ClickRow(LocalDate day, UUID partnerId, UUID programId, long clicks, long paidAdClicks) {}

    public record ConversionRow(
            LocalDate day,
            UUID partnerId,
            UUID programId,
            String kind,
            String currency,
            long conversions,
            long firstPayments,
            BigDecimal amount) {}

    /**
     * Which rows: a workspace's days {@code from} (included) to {@code to} (excluded), optionally one programme's or
     * some partners' only (null: any, unattributed conversions included).
     */
    public record Scope(WorkspaceId workspace, LocalDate from, LocalDate to, UUID program, Collection<UUID> partners) {}

    // The optional filters as SQL that ignores a null parameter.
    private static final String SCOPE = """
            where workspace_id = :workspace and day >= :from and day < :to
              and (cast(:program as uuid) is null or program_id = :program)
              and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
            """;

    private final JdbcClient db;
    private final Clock clock;

    RollupTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Clicks per partner over the scope's days ({@code day} null): whole months from the monthly rollup, the edges
     * from the daily one ({@link ClickWindow}); or per day over its partners (partner null).
     */
    public List<ClickRow> clicks(Scope scope, boolean byDay) {
        if (byDay) {
            return read(bind(
                    db.sql(
                            "select day, null::uuid, null::uuid, sum(clicks), sum(paid_ad_clicks) from tracking_click_day "
                                    + SCOPE + " group by day"),
                    scope));
        }
        ClickWindow window =
                ClickWindow.of(scope.from(), scope.to(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<ClickWindow.Days> days = new ArrayList<>(window.added());
        days.addAll(window.taken());
        return read(bind(db.sql("""
                                with counted as (
                                    select partner_id, program_id, clicks, paid_ad_clicks from tracking_click_month
                                    where workspace_id = :workspace and month = any(cast(cast(:months as text[]) as date[]))
                                    union all
                                    select d.partner_id, d.program_id, e.sign * d.clicks, e.sign * d.paid_ad_clicks
                                    from unnest(cast(cast(:edgeFrom as text[]) as date[]), cast(cast(:edgeTo as text[]) as date[]),
                                                cast(:edgeSign as int[])) as e (from_day, to_day, sign)
                                    join tracking_click_day d on d.workspace_id = :workspace
                                        and d.day >= e.from_day and d.day < e.to_day
                                )
                                select null::date, partner_id, null::uuid, sum(clicks), sum(paid_ad_clicks) from counted
                                where (cast(:program as uuid) is null or program_id = :program)
                                  and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                                group by partner_id having sum(clicks) <> 0
                                """), scope)
                .param(
                        "months",
                        window.months().stream().map(LocalDate::toString).toArray(String[]::new))
                .param("edgeFrom", days.stream().map(d -> d.from().toString()).toArray(String[]::new))
                .param("edgeTo", days.stream().map(d -> d.to().toString()).toArray(String[]::new))
                .param(
                        "edgeSign",
                        days.stream()
                                .map(d -> window.added().contains(d) ? 1 : -1)
                                .toArray(Integer[]::new)));
    }

    private static List<ClickRow> read(JdbcClient.StatementSpec sql) {
        return sql.query((rs, n) -> new ClickRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /**
     * Applied conversions per partner (null: unattributed), kind and currency over the scope's days — per day too
     * for amounts not in {@code reporting}, which are converted at each day's rate; or, {@code byDay}, the
     * attributed ones per day, kind and currency.
     */
    public List<ConversionRow> conversions(Scope scope, String reporting, boolean byDay) {
        String sql = byDay
                ? "select day, null::uuid, null::uuid, kind, currency, sum(conversions), sum(first_payments), sum(amount)"
                        + " from tracking_conversion_day " + SCOPE
                        + " and partner_id is not null group by day, kind, currency having sum(conversions) <> 0"
                : """
                        select case when currency is null or currency = :reporting then null else day end as on_day,
                               partner_id, null::uuid, kind, currency, sum(conversions), sum(first_payments), sum(amount)
                        from tracking_conversion_day
                        """ + SCOPE + " group by on_day, partner_id, kind, currency having sum(conversions) <> 0";
        return bind(db.sql(sql), scope)
                .param("reporting", reporting)
                .query((rs, n) -> new ConversionRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getBigDecimal(8)))
                .list();
    }

    /** One link's clicks per day from {@code from} (included) to {@code to} (excluded), days without none. */
    public List<ClickRow> linkClicks(WorkspaceId workspace, UUID link, LocalDate from, LocalDate to) {
        return db.sql("""
                        select day, partner_id, program_id, clicks, paid_ad_clicks from tracking_click_day
                        where workspace_id = ? and link_id = ? and day >= ? and day < ? order by day
                        """)
                .params(workspace.value(), link, from, to)
                .query((rs, n) -> new ClickRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Scope scope) {
        return sql.param("workspace", scope.workspace().value())
                .param("from", scope.from())
                .param("to", scope.to())
                .param("program", scope.program())
                .param("anyPartner", scope.partners() == null)
                .param(
                        "partners",
                        scope.partners() == null
                                ? new UUID[0]
                                : scope.partners().toArray(UUID[]::new));
    }
}
