package dev.canopy.commissions.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.shared.WorkspaceId;
import java.sql.Date;
import java.sql.Timestamp;
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
                        """)
                .param(workspace.value())
                .query((rs, n) -> new ExchangeRate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
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
}
