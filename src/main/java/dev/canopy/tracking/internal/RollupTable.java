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

    private static final List<String> CLICKS = List.of("clicks", "repeats", "bots");

    private final JdbcClient db;
    private final Clock clock;

    RollupTable(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Clicks per partner over the scope's days ({@code day} null), or their sum (one row, partner null): whole months
     * from the monthly rollup, the edges from the daily one ({@link RollupWindow}); or per day over its partners.
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
        return read(bind(
                db.sql("with counted as ("
                        + counted(window(scope), "tracking_click", "partner_id, program_id", CLICKS)
                        + """
                        )
                        select null::date, %s, null::uuid, coalesce(sum(clicks), 0)::bigint,
                               coalesce(sum(repeats), 0)::bigint, coalesce(sum(bots), 0)::bigint
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
     * The window's rollup rows of {@code table} ({@code _month} and {@code _day}), {@code keys} as they are and {@code
     * summed} signed. Its days are written into the SQL (dates the code made, never input): a statement prepared with
     * them as parameters gets, after a few runs, a generic plan that expects any range and scans every day of the
     * workspace. Counts are summed as float8, cast back to bigint by the caller: PostgreSQL sums a bigint through a
     * 128-bit state it allocates for every group, which was half of a 30-day funnel's time per partner at 10,000
     * partners (bench/analytics), and a float8 sum of whole numbers is exact below 2⁵³ (9 × 10¹⁵).
     */
    private static String counted(RollupWindow window, String table, String keys, List<String> summed) {
        List<String> parts = new ArrayList<>();
        if (!window.months().isEmpty()) {
            parts.add("select " + keys + ", "
                    + String.join(
                            ", ",
                            summed.stream().map(c -> summand(c) + " as " + c).toList())
                    + " from " + table + "_month"
                    + " where workspace_id = :workspace and month in ("
                    + String.join(
                            ", ",
                            window.months().stream()
                                    .map(m -> "date '" + m + "'")
                                    .toList()) + ")");
        }
        for (RollupWindow.Days d : window.added()) {
            parts.add(days(table, keys, summed, "", d));
        }
        for (RollupWindow.Days d : window.taken()) {
            parts.add(days(table, keys, summed, "-", d));
        }
        return String.join(" union all ", parts);
    }

    private static String days(String table, String keys, List<String> summed, String sign, RollupWindow.Days d) {
        return "select " + keys + ", "
                + String.join(
                        ", ",
                        summed.stream().map(c -> sign + summand(c) + " as " + c).toList())
                + " from " + table + "_day where workspace_id = :workspace and day >= date '" + d.from()
                + "' and day < date '" + d.to() + "'";
    }

    private static String summand(String column) {
        return column.equals("amount") ? column : column + "::float8";
    }

    private RollupWindow window(Scope scope) {
        return RollupWindow.of(scope.from(), scope.to(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
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
        if (scope.partners() == null && by != By.PARTNER) {
            return conversionRows(scope, reporting, totals(by));
        }
        if (by == By.DAY) {
            return conversionRows(
                    scope,
                    reporting,
                    "select day, null::uuid, true, null::uuid, kind, currency, sum(conversions), sum(first_payments),"
                            + " sum(amount) from tracking_conversion_day " + SCOPE
                            + " and partner_id is not null group by day, kind, currency having sum(conversions) <> 0");
        }
        return windowed(scope, reporting, by);
    }

    /** From the workspace's day totals (V44): a few hundred rows for a month. */
    private static String totals(By by) {
        return by == By.DAY
                ? "select day, null::uuid, true, null::uuid, kind, currency, sum(conversions), sum(first_payments),"
                        + " sum(amount) from tracking_conversion_total_day " + TOTAL_SCOPE
                        + " and attributed group by day, kind, currency having sum(conversions) <> 0"
                : """
                        select case when currency is null or currency = :reporting then null else day end as on_day,
                               null::uuid, attributed, null::uuid, kind, currency, sum(conversions), sum(first_payments),
                               sum(amount)
                        from tracking_conversion_total_day
                        """ + TOTAL_SCOPE + " group by on_day, attributed, kind, currency having sum(conversions) <> 0";
    }

    /**
     * Over whole months and edge days (V46), as clicks are. An amount in another currency than {@code reporting} needs
     * each day's rate: its months' rows keep their counts and lose their amounts, which are read again per day for
     * those currencies only (an index by currency answers it: nothing to read for a workspace paid in one currency).
     */
    private List<ConversionRow> windowed(Scope scope, String reporting, By by) {
        String partner = by == By.PARTNER ? "partner_id" : "null::uuid";
        String grouped = by == By.PARTNER ? "partner_id" : "attributed";
        List<ConversionRow> rows = conversionRows(
                scope,
                reporting,
                "with counted as ("
                        + counted(
                                window(scope),
                                "tracking_conversion",
                                "partner_id, program_id, kind, currency",
                                List.of("conversions", "first_payments", "amount"))
                        + ") select null::date, " + partner + ", partner_id is not null as attributed, null::uuid,"
                        + " kind, currency, sum(conversions)::bigint, sum(first_payments)::bigint, sum(amount)"
                        + " from counted"
                        + " where (cast(:program as uuid) is null or program_id = :program)"
                        + " and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))"
                        + " group by " + grouped + ", kind, currency having sum(conversions) <> 0");
        List<String> foreign = rows.stream()
                .map(ConversionRow::currency)
                .filter(c -> c != null && !c.equals(reporting))
                .distinct()
                .toList();
        if (foreign.isEmpty()) {
            return rows;
        }
        List<ConversionRow> all = new ArrayList<>(rows.stream()
                .map(r -> foreign.contains(r.currency())
                        ? new ConversionRow(
                                null,
                                r.partnerId(),
                                r.attributed(),
                                r.programId(),
                                r.kind(),
                                null,
                                r.conversions(),
                                r.firstPayments(),
                                null)
                        : r)
                .toList());
        all.addAll(bind(
                        db.sql("select day, " + partner + ", partner_id is not null as attributed, null::uuid, kind,"
                                + " currency, 0, 0, sum(amount) from tracking_conversion_day"
                                + " where workspace_id = :workspace and currency = any(cast(:foreign as text[]))"
                                + " and day >= :from and day < :to"
                                + " and (cast(:program as uuid) is null or program_id = :program)"
                                + " and (cast(:anyPartner as boolean) or partner_id = any(cast(:partners as uuid[])))"
                                + " group by day, " + grouped + ", kind, currency having sum(amount) <> 0"),
                        scope)
                .param("foreign", foreign.toArray(String[]::new))
                .query(RollupTable::conversionRow)
                .list());
        return all;
    }

    private List<ConversionRow> conversionRows(Scope scope, String reporting, String sql) {
        return bind(db.sql(sql), scope)
                .param("reporting", reporting)
                .query(RollupTable::conversionRow)
                .list();
    }

    private static ConversionRow conversionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ConversionRow(
                rs.getObject(1, LocalDate.class),
                rs.getObject(2, UUID.class),
                rs.getBoolean(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getBigDecimal(9));
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
