package dev.canopy.deals.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A partner's won registrations in figures, for the tier metrics. */
@Repository
public class WonDealTable {

    private final JdbcClient db;

    WonDealTable(JdbcClient db) {
        this.db = db;
    }

    /** How many deals the partner has won, ever. */
    public int wonCount(WorkspaceId workspace, PartnerId partner) {
        return db.sql(
                        "select count(*) from deals_registration where workspace_id = ? and partner_id = ? and status = 'WON'")
                .params(workspace.value(), partner.value())
                .query(Integer.class)
                .single();
    }

    /** Partner-sourced won amounts closed since {@code since}, per currency. */
    public List<Money> sourcedRevenueSince(WorkspaceId workspace, PartnerId partner, Instant since) {
        return db.sql("""
                        select currency, sum(amount) as total from deals_registration
                        where workspace_id = ? and partner_id = ? and status = 'WON' and sourcing = 'SOURCED'
                            and closed_at > ?
                        group by currency order by currency
                        """)
                .params(workspace.value(), partner.value(), Rows.ts(since))
                .query((rs, n) -> Money.of(rs.getBigDecimal("total"), rs.getString("currency")))
                .list();
    }

    /** The currencies the partner has ever won deals in (a currency that drops to zero is recorded as zero). */
    public List<String> wonCurrencies(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select distinct currency from deals_registration
                        where workspace_id = ? and partner_id = ? and status = 'WON' order by currency
                        """)
                .params(workspace.value(), partner.value())
                .query(String.class)
                .list();
    }
}
