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

/**
 * The rollups of clicks and conversions that triggers keep (V31, V39, V44): per link or partner and day or month, and
 * the workspace's day totals for a scope of anyone's; read here, never written.
 */
@Repository
public class RollupTable {

    /** Stored clicks, a visitors' repeats within the hour and bots' requests (V43). */
    public record ClickRow(LocalDate day, UUID partnerId, UUID programId, long clicks, long repeats, long bots) {}

    /** {@code partnerId} is null when unattributed or summed over partners ({@code attributed} tells which). */
    public record ConversionRow(
            LocalDate day,
            UUID partnerId,
            boolean attributed,
            UUID programId,
            String kind,
            String currency,
            long conversions,
            long firstPayments,
            BigDecimal amount) {}

    /** How rows are summed: per partner over the window, per day over the partners, or over both. */
    public enum By {
        PARTNER,
        DAY,
        NOTHING
    }

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

    // The same over the workspace's day totals (V44), which have no partners: for a scope of anyone's.
    private static final String TOTAL_SCOPE = """
            where workspace_id = :workspace and day >= :from and day < :to
              and (cast(:program as uuid) is null or program_id = :program)
            """;

    private final JdbcClient db;
    private final Clock clock;

    RollupTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Clicks per partner over the scope's days ({@code day} null), or their sum (one row, partner null): whole months
     * from the monthly rollup, the edges from the daily one ({@link ClickWindow}); or per day over its partners.
     */
    public List<ClickRow> clicks(Scope scope, By by) {
        if (scope.partners() == null && by != By.PARTNER) {
            return read(bind(
                    db.sql("select %s, null::uuid, null::uuid, coalesce(sum(clicks), 0), coalesce(sum(repeats), 0),"
                                    .formatted(by == By.DAY ? "day" : "null::date")
                            + " coalesce(sum(bots), 0) from tracking_click_total_day " + TOTAL_SCOPE
                            + (by == By.DAY ? " group by day" : "")),
                    scope));
        }
        if (by == By.DAY) {
            return read(bind(
                    db.sql(
                            "select day, null::uuid, null::uuid, sum(clicks), sum(repeats), sum(bots) from tracking_click_day "
                                    + SCOPE + " group by day"),
                    scope));
        }
        ClickWindow window =
                ClickWindow.of(scope.from(), scope.to(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return read(bind(
                db.sql("with counted as (" + counted(window)
                        + """
                        )
                        select null::date, %s, null::uuid, coalesce(sum(clicks), 0), coalesce(sum(repeats), 0),
                               coalesce(sum(bots), 0)
                        from counted
                        where (cast(:program as uuid) is null or program_id = :program)
                          and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))
                        %s
                        """.formatted(
                                        by == By.PARTNER ? "partner_id" : "null::uuid",
                                        by == By.PARTNER
                                                ? "group by partner_id"
                                                        + " having sum(clicks) <> 0 or sum(repeats) <> 0 or sum(bots) <> 0"
                                                : "")),
                scope));
    }

    /**
     * The window's rollup rows, signed. Its days are written into the SQL (dates the code made, never input): a
     * statement prepared with them as parameters gets, after a few runs, a generic plan that expects any range and
     * scans every day of the workspace.
     */
    private static String counted(ClickWindow window) {
        List<String> parts = new ArrayList<>();
        if (!window.months().isEmpty()) {
            parts.add("select partner_id, program_id, clicks, repeats, bots from tracking_click_month"
                    + " where workspace_id = :workspace and month in ("
                    + String.join(
                            ", ",
                            window.months().stream()
                                    .map(m -> "date '" + m + "'")
                                    .toList()) + ")");
        }
        for (ClickWindow.Days d : window.added()) {
            parts.add(days("", d));
        }
        for (ClickWindow.Days d : window.taken()) {
            parts.add(days("-", d));
        }
        return String.join(" union all ", parts);
    }

    private static String days(String sign, ClickWindow.Days d) {
        return "select partner_id, program_id, " + sign + "clicks, " + sign + "repeats, " + sign + "bots"
                + " from tracking_click_day"
                + " where workspace_id = :workspace and day >= date '" + d.from() + "' and day < date '" + d.to() + "'";
    }

    private static List<ClickRow> read(JdbcClient.StatementSpec sql) {
        return sql.query((rs, n) -> new ClickRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /**
     * Applied conversions per partner (null: unattributed) — or only attributed or not, {@code By.NOTHING} — kind and
     * currency over the scope's days, per day too for amounts not in {@code reporting}, which are converted at each
     * day's rate; or, {@code By.DAY}, the attributed ones per day, kind and currency.
     */
    public List<ConversionRow> conversions(Scope scope, String reporting, By by) {
        boolean totals = scope.partners() == null && by != By.PARTNER;
        String rows = totals ? "tracking_conversion_total_day " + TOTAL_SCOPE : "tracking_conversion_day " + SCOPE;
        String attributed = totals ? "attributed" : "partner_id is not null";
        String sql = by == By.DAY
                ? "select day, null::uuid, true, null::uuid, kind, currency, sum(conversions), sum(first_payments),"
                        + " sum(amount) from " + rows + " and " + attributed
                        + " group by day, kind, currency having sum(conversions) <> 0"
                : """
                        select case when currency is null or currency = :reporting then null else day end as on_day,
                               %s, %s as attributed, null::uuid, kind, currency, sum(conversions), sum(first_payments),
                               sum(amount)
                        from %s group by on_day, %s, kind, currency having sum(conversions) <> 0
                        """.formatted(
                                by == By.PARTNER ? "partner_id" : "null::uuid",
                                attributed,
                                rows,
                                by == By.PARTNER ? "partner_id" : "attributed");
        return bind(db.sql(sql), scope)
                .param("reporting", reporting)
                .query((rs, n) -> new ConversionRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, UUID.class),
                        rs.getBoolean(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getBigDecimal(9)))
                .list();
    }

    /** One link's clicks per day from {@code from} (included) to {@code to} (excluded), days without none. */
    public List<ClickRow> linkClicks(WorkspaceId workspace, UUID link, LocalDate from, LocalDate to) {
        return read(db.sql("""
                        select day, partner_id, program_id, clicks, repeats, bots from tracking_click_day
                        where workspace_id = ? and link_id = ? and day >= ? and day < ? order by day
                        """).params(workspace.value(), link, from, to));
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
