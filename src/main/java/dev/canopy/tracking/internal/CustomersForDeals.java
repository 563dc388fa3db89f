package dev.canopy.tracking.internal;

import dev.canopy.deals.KnownCustomer;
import dev.canopy.deals.KnownCustomers;
import dev.canopy.deals.PartnerTouches;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What deals asks of tracking: the vendor's paying customers (for registration conflicts and account
 * mapping) and a partner's clicks that led to an account's customers (evidence that the partner sourced
 * a deal).
 */
@Component
class CustomersForDeals implements KnownCustomers, PartnerTouches {

    private static final String CUSTOMER = """
            select coalesce(name, email, external_id) as label, coalesce(external_id, email, id::text) as reference,
                   domain, first_sale_at
            from tracking_customer
            where workspace_id = ? and status = 'CUSTOMER' and domain is not null
            """;

    private final JdbcClient db;

    CustomersForDeals(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<KnownCustomer> matching(WorkspaceId workspace, String registrableDomain, String name) {
        return db.sql(CUSTOMER + " and (domain = ? or similarity(lower(coalesce(name, '')), lower(?)) > 0.6) limit 20")
                .params(workspace.value(), registrableDomain, name == null ? "" : name)
                .query((rs, n) -> known(rs))
                .list();
    }

    @Override
    public List<KnownCustomer> all(WorkspaceId workspace) {
        return db.sql(CUSTOMER + " order by first_sale_at")
                .param(workspace.value())
                .query((rs, n) -> known(rs))
                .list();
    }

    @Override
    public List<SourcingEvidence.PartnerAction> touches(
            WorkspaceId workspace, PartnerId partner, String registrableDomain) {
        return db.sql("""
                        select distinct c.id, c.clicked_at from tracking_attribution a
                        join tracking_customer cu on cu.id = a.customer_id and cu.workspace_id = a.workspace_id
                        join tracking_click c on c.id = a.click_id and c.workspace_id = a.workspace_id
                        where a.workspace_id = ? and cu.domain = ? and c.partner_id = ?
                        order by c.clicked_at
                        """)
                .params(workspace.value(), registrableDomain, partner.value())
                .query((rs, n) -> new SourcingEvidence.PartnerAction(
                        "CLICK", rs.getTimestamp(2).toInstant(), "click " + rs.getObject(1)))
                .list();
    }

    private static KnownCustomer known(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new KnownCustomer(
                rs.getString("reference"),
                rs.getString("label"),
                rs.getString("domain"),
                rs.getTimestamp("first_sale_at") == null
                        ? null
                        : rs.getTimestamp("first_sale_at").toInstant());
    }
}
