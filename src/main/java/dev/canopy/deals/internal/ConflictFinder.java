package dev.canopy.deals.internal;

import dev.canopy.deals.DealConflict;
import dev.canopy.deals.KnownCustomer;
import dev.canopy.deals.KnownCustomers;
import dev.canopy.deals.SharingLevel;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds what a new registration collides with, in PostgreSQL: the same registrable domain, or a company
 * name whose normalized form has a trigram similarity of at least {@link #SIMILAR} — among other
 * registrations still open or won, the vendor's own customers and open opportunities (its account list)
 * and the customers other modules know ({@link KnownCustomers}).
 */
@Component
public class ConflictFinder {

    /** Trigram similarity from which two normalized names count as the same company. */
    public static final double SIMILAR = 0.5;

    private final JdbcClient db;
    private final List<KnownCustomers> knownCustomers;
    private final MappingTable mapping;

    ConflictFinder(JdbcClient db, List<KnownCustomers> knownCustomers, MappingTable mapping) {
        this.db = db;
        this.knownCustomers = knownCustomers;
        this.mapping = mapping;
    }

    /** Conflicts for an account, leaving out the registration {@code except} itself. */
    public List<DealConflict> find(WorkspaceId workspace, String domain, String accountName, UUID except) {
        String name = CompanyNames.normalize(accountName);
        Map<String, DealConflict> found = new LinkedHashMap<>();
        db.sql("""
                        select id, account_name, domain, status, partner_id, similarity(normalized_name, ?) as sim
                        from deals_registration
                        where workspace_id = ? and id <> ? and status in ('PENDING', 'APPROVED', 'WON')
                            and (domain = ? or (normalized_name % ? and similarity(normalized_name, ?) >= ?))
                        order by submitted_at
                        """)
                .params(name, workspace.value(), except, domain, name, name, SIMILAR)
                .query((rs, n) -> conflict(
                        DealConflict.Source.REGISTRATION,
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("account_name"),
                        rs.getString("domain"),
                        rs.getString("status"),
                        domain,
                        rs.getDouble("sim")))
                .list()
                .forEach(c -> found.putIfAbsent(c.source() + c.matchedRef(), c));
        db.sql("""
                        select id, name, domain, status, similarity(normalized_name, ?) as sim
                        from deals_mapping_account
                        where workspace_id = ? and partner_id is null and status in ('CUSTOMER', 'OPEN_OPPORTUNITY')
                            and (domain = ? or (normalized_name % ? and similarity(normalized_name, ?) >= ?))
                        order by name
                        """)
                .params(name, workspace.value(), domain, name, name, SIMILAR)
                .query((rs, n) -> conflict(
                        DealConflict.Source.VENDOR_ACCOUNT,
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("name"),
                        rs.getString("domain"),
                        rs.getString("status"),
                        domain,
                        rs.getDouble("sim")))
                .list()
                .forEach(c -> found.putIfAbsent(c.source() + c.matchedRef(), c));
        for (KnownCustomers source : knownCustomers) {
            for (KnownCustomer customer : source.matching(workspace, domain, accountName)) {
                DealConflict c = conflict(
                        DealConflict.Source.CUSTOMER,
                        customer.reference(),
                        customer.name(),
                        customer.registrableDomain(),
                        "CUSTOMER",
                        domain,
                        similarity(name, CompanyNames.normalize(customer.name())));
                found.putIfAbsent(c.source() + c.matchedRef(), c);
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * What {@code partner} may learn of an account at {@code domain} as it types (the portal's hint): whether
     * someone registered it — the deal-registration rules say so at write time anyway — and whether the
     * vendor has it as a customer or open opportunity only as far as the sharing level both sides chose
     * shows the vendor's list: with "overlaps", when it is on the partner's own list too; with "full list",
     * always; never below.
     */
    public boolean domainKnown(WorkspaceId workspace, String domain, PartnerId partner) {
        if (db.sql("""
                        select exists (select 1 from deals_registration where workspace_id = ? and domain = ?
                                and status in ('PENDING', 'APPROVED', 'WON'))
                        """).params(workspace.value(), domain).query(Boolean.class).single()) {
            return true;
        }
        SharingLevel level = mapping.partnership(workspace, partner)
                .map(p -> SharingLevel.lower(p.vendorLevel(), p.partnerLevel()))
                .orElse(SharingLevel.HIDDEN);
        return switch (level) {
            case HIDDEN, COUNTS -> false;
            case OVERLAPS -> mapping.onBothLists(workspace, partner, domain);
            case FULL ->
                mapping.vendorHas(workspace, domain)
                        || knownCustomers.stream()
                                .anyMatch(k -> k.matching(workspace, domain, "").stream()
                                        .anyMatch(c -> domain.equals(c.registrableDomain())));
        };
    }

    private double similarity(String a, String b) {
        return db.sql("select similarity(?, ?)")
                .params(a, b)
                .query(Double.class)
                .single();
    }

    private static DealConflict conflict(
            DealConflict.Source source,
            String ref,
            String name,
            String matchedDomain,
            String status,
            String domain,
            double similarity) {
        boolean sameDomain = domain.equals(matchedDomain);
        return new DealConflict(
                source,
                ref,
                name,
                matchedDomain,
                status,
                sameDomain ? DealConflict.MatchedBy.DOMAIN : DealConflict.MatchedBy.NAME,
                BigDecimal.valueOf(sameDomain ? 1.0 : similarity).setScale(3, RoundingMode.HALF_UP));
    }
}
