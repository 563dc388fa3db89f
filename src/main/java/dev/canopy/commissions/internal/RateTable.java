package dev.canopy.commissions.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.shared.WorkspaceId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RateTable {

    /**
     * The rate that converts {@code k.from_currency} into {@code k.to_currency} on {@code k.day}, as a lateral
     * subquery over rows {@code k} (workspace as its two parameters): the latest on or before the day, entered
     * either way round — a EUR→USD rate also converts USD into EUR, at its inverse to ten decimals, as rates are
     * stored. On one day, the rate as entered wins over an inverse.
     */
    /** The latest rate on or before k.day from k.from_currency into k.to_currency, either way round (:workspace). */
    public static final String LATEST_EITHER_WAY = """
                select rate, effective_on, entered_by, entered_at from (
                    select rate, effective_on, entered_by, entered_at, true as entered from commissions_exchange_rate
                    where workspace_id = :workspace and base = k.from_currency and quote = k.to_currency
                      and effective_on <= k.day
                    union all
                    select round(1 / rate, 10), effective_on, entered_by, entered_at, false from commissions_exchange_rate
                    where workspace_id = :workspace and base = k.to_currency and quote = k.from_currency
                      and effective_on <= k.day
                ) both_ways order by effective_on desc, entered desc limit 1
            """;

    private final JdbcClient db;

    RateTable(JdbcClient db) {
        this.db = db;
    }

    public List<ExchangeRate> list(WorkspaceId workspace) {
        return db.sql("""
                        select base, quote, effective_on, rate, entered_by, entered_at from commissions_exchange_rate
                        where workspace_id = ? order by effective_on desc, base, quote limit 500
                        """).param(workspace.value()).query(RateTable::rate).list();
    }

    /** The rate {@link #LATEST_EITHER_WAY} finds from {@code from} into {@code to} on {@code day}. */
    public Optional<ExchangeRate> latest(WorkspaceId workspace, String from, String to, LocalDate day) {
        return db.sql("""
                        select k.from_currency, k.to_currency, x.effective_on, x.rate, x.entered_by, x.entered_at
                        from (select :from::text as from_currency, :to::text as to_currency, :day::date as day) k
                        join lateral (
                        """ + LATEST_EITHER_WAY + """
                        ) x on true
                        """)
                .param("from", from)
                .param("to", to)
                .param("day", Date.valueOf(day))
                .param("workspace", workspace.value())
                .query(RateTable::rate)
                .optional();
    }

    /** A rate entered again for the same day replaces it; commissions already made keep the rate they locked. */
    public void upsert(WorkspaceId workspace, List<ExchangeRate> rates) {
        for (ExchangeRate r : rates) {
            db.sql("""
                            insert into commissions_exchange_rate (workspace_id, base, quote, effective_on, rate, entered_by,
                                entered_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (workspace_id, base, quote, effective_on) do update
                            set rate = excluded.rate, entered_by = excluded.entered_by, entered_at = excluded.entered_at
                            """)
                    .params(
                            workspace.value(),
                            r.base(),
                            r.quote(),
                            Date.valueOf(r.effectiveOn()),
                            r.rate(),
                            r.enteredBy(),
                            Timestamp.from(r.enteredAt()))
                    .update();
        }
    }

    private static ExchangeRate rate(ResultSet rs, int n) throws SQLException {
        return new ExchangeRate(
                rs.getString(1),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getBigDecimal(4).stripTrailingZeros(),
                rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
