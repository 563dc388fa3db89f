package dev.canopy.tracking.internal;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.CampaignResults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what a campaign brought: its links' daily click counts, and the customers attributed through it. */
@Repository
public class CampaignTable {

    private final JdbcClient db;

    CampaignTable(JdbcClient db) {
        this.db = db;
    }

    public CampaignResults.Result result(WorkspaceId workspace, PartnerId partner, String campaign, String currency) {
        long clicks = db.sql("""
                        select coalesce(sum(d.clicks), 0) from tracking_click_day d
                        join tracking_link l on l.id = d.link_id
                        where d.workspace_id = ? and d.partner_id = ? and l.utm_campaign = ?
                        """)
                .params(workspace.value(), partner.value(), campaign)
                .query(Long.class)
                .single();
        // The customers still the partner's whose attribution came from a click on one of the campaign's links.
        return db.sql("""
                        with brought as (
                            select distinct a.customer_id
                            from tracking_attribution a
                            join tracking_customer cu on cu.id = a.customer_id and cu.partner_id = a.partner_id
                            join tracking_click c on c.id = a.click_id
                            join tracking_link l on l.id = c.link_id
                            where a.workspace_id = ? and a.partner_id = ? and a.signal = 'CLICK'
                              and a.outcome in ('ATTRIBUTED', 'TAKEN_OVER') and l.utm_campaign = ?
                        )
                        select (select count(*) from brought) as customers,
                               count(*) filter (where v.kind = 'LEAD') as leads,
                               coalesce(sum(case when v.kind = 'SALE' then v.amount
                                                 when v.kind = 'REFUND' then -v.amount end)
                                        filter (where v.currency = ? and v.applied), 0) as revenue
                        from tracking_conversion v
                        where v.workspace_id = ? and v.customer_id in (select customer_id from brought)
                        """)
                .params(workspace.value(), partner.value(), campaign, currency, workspace.value())
                .query((rs, n) -> new CampaignResults.Result(
                        clicks,
                        rs.getLong("customers"),
                        rs.getLong("leads"),
                        Money.of(rs.getBigDecimal("revenue"), currency)))
                .single();
    }
}
