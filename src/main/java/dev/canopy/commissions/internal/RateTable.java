package dev.canopy.commissions.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.shared.WorkspaceId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RateTable {

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

    /** Every rate to or from {@code currency} effective on or before {@code until}. */
    public List<ExchangeRate> involving(WorkspaceId workspace, String currency, LocalDate until) {
        return db.sql("""
                        select base, quote, effective_on, rate, entered_by, entered_at from commissions_exchange_rate
                        where workspace_id = ? and (base = ? or quote = ?) and effective_on <= ?
                        """)
                .params(workspace.value(), currency, currency, Date.valueOf(until))
                .query(RateTable::rate)
                .list();
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
