package dev.canopy.payouts.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tax rule of a kind in force on a day: the latest row effective on or before it. */
@Repository
public class TaxRuleTable {

    public record TaxRule(
            String country,
            String kind,
            LocalDate effectiveFrom,
            BigDecimal rate,
            BigDecimal threshold,
            String currency,
            String note) {}

    private final JdbcClient db;

    TaxRuleTable(JdbcClient db) {
        this.db = db;
    }

    public Optional<TaxRule> inForce(String country, String kind, LocalDate on) {
        return db.sql("""
                        select country, kind, effective_from, rate, threshold, currency, note from payouts_tax_rule
                        where country = ? and kind = ? and effective_from <= ? order by effective_from desc limit 1
                        """)
                .params(country, kind, Date.valueOf(on))
                .query((rs, n) -> new TaxRule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }
}
