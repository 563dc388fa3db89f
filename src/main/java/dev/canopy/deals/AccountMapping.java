package dev.canopy.deals;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.audit.AuditLog;
import dev.canopy.deals.internal.AccountCsv;
import dev.canopy.deals.internal.MappingTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Cursors;
import dev.canopy.platform.DatabaseTime;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account mapping between the vendor and each partner: both upload their account lists (the vendor's may
 * also come from Canopy's own customers), each chooses a sharing level per partnership, and each sees of
 * the other's list exactly what the lower level allows; the overlap yields a co-sell list.
 */
@Service
public class AccountMapping {

    /** What an upload changed, for the audit log (never the accounts themselves). */
    /** An upload in the audit log; {@code accounts} is left out where the level hides how many. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Upload(String side, @Nullable Integer accounts) {}

    private final MappingTable table;
    private final List<KnownCustomers> knownCustomers;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final Clock clock;

    AccountMapping(
            MappingTable table,
            List<KnownCustomers> knownCustomers,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            Clock clock) {
        this.table = table;
        this.knownCustomers = knownCustomers;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff replace the vendor's account list with a CSV (name, domain, status). */
    @Transactional
    public int uploadVendorAccounts(String csv) {
        staff();
        List<MappedAccount> accounts = AccountCsv.parse(csv);
        int before = table.count(currentWorkspace.id(), null);
        table.replaceVendorAccounts(currentWorkspace.id(), accounts, DatabaseTime.now(clock));
        audit.record(
                "deals.mapping.vendor-uploaded",
                "account_list",
                "vendor",
                new Upload("vendor", before),
                new Upload("vendor", accounts.size()));
        return accounts.size();
    }

    /** Adds the customers other Canopy modules know to the vendor's list; returns how many it knows. */
    @Transactional
    public int addKnownCustomers() {
        staff();
        WorkspaceId workspace = currentWorkspace.id();
        List<MappedAccount> customers = knownCustomers.stream()
                .flatMap(k -> k.all(workspace).stream())
                .filter(c -> c.registrableDomain() != null)
                .map(c -> new MappedAccount(c.name(), c.registrableDomain(), AccountStatus.CUSTOMER))
                .toList();
        int before = table.count(workspace, null);
        table.addVendorAccounts(workspace, customers, DatabaseTime.now(clock));
        audit.record(
                "deals.mapping.customers-added",
                "account_list",
                "vendor",
                new Upload("vendor", before),
                new Upload("vendor", table.count(workspace, null)));
        return customers.size();
    }

    /** The signed-in partner user replaces its company's account list. */
    @Transactional
    public int uploadMine(String csv) {
        PartnerId partner = partner();
        WorkspaceId workspace = currentWorkspace.id();
        List<MappedAccount> accounts = AccountCsv.parse(csv);
        Instant now = DatabaseTime.now(clock);
        table.ensure(workspace, partner, now);
        int before = table.count(workspace, partner);
        table.replacePartnerAccounts(workspace, partner, accounts, now);
        // The audit log is the vendor's: it shows how many accounts only where the vendor may see counts.
        boolean counts = table.partnership(workspace, partner)
                .map(p -> SharingLevel.lower(p.vendorLevel(), p.partnerLevel()).atLeast(SharingLevel.COUNTS))
                .orElse(false);
        audit.record(
                "deals.mapping.partner-uploaded",
                "account_list",
                partner,
                new Upload("partner", counts ? before : null),
                new Upload("partner", counts ? accounts.size() : null));
        return accounts.size();
    }

    /** Staff choose how much of the vendor's list {@code partner} may see. */
    @Transactional
    public AccountMappingView setVendorLevel(PartnerId partner, String level) {
        staff();
        partners.get(partner);
        setLevel(partner, true, level);
        return forPartner(partner);
    }

    /** The partner user chooses how much of its company's list the vendor may see. */
    @Transactional
    public AccountMappingView setMyLevel(String level) {
        PartnerId partner = partner();
        setLevel(partner, false, level);
        return mine();
    }

    /** Every partnership with its levels and the counts both levels allow, for staff. */
    @Transactional(readOnly = true)
    public List<MappingSummary> overview() {
        staff();
        WorkspaceId workspace = currentWorkspace.id();
        List<MappingTable.Partnership> all = table.partnerships(workspace);
        Map<PartnerId, PartnerView> named =
                partners
                        .byIds(all.stream()
                                .map(MappingTable.Partnership::partner)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, Function.identity()));
        return all.stream()
                .filter(p -> named.containsKey(p.partner()))
                .map(p -> {
                    SharingLevel effective = SharingLevel.lower(p.vendorLevel(), p.partnerLevel());
                    boolean counts = effective.atLeast(SharingLevel.COUNTS);
                    List<AccountOverlap> overlaps = counts ? overlaps(workspace, p.partner(), true) : List.of();
                    return new MappingSummary(
                            p.partner(),
                            named.get(p.partner()).name(),
                            p.vendorLevel(),
                            p.partnerLevel(),
                            effective,
                            counts ? table.count(workspace, p.partner()) : null,
                            counts ? overlaps.size() : null,
                            counts
                                    ? (int) overlaps.stream()
                                            .filter(o -> o.coSell() != null)
                                            .count()
                                    : null);
                })
                .sorted(java.util.Comparator.comparing(MappingSummary::partnerName))
                .toList();
    }

    /** The vendor's view of one partnership. */
    @Transactional(readOnly = true)
    public AccountMappingView forPartner(PartnerId partner) {
        staff();
        PartnerView company = partners.get(partner);
        return view(company, true);
    }

    /** The signed-in partner's view of its partnership with the vendor. */
    @Transactional(readOnly = true)
    public AccountMappingView mine() {
        PartnerView company = partners.get(partner());
        return view(company, false);
    }

    /** The vendor's own list, for staff. */
    @Transactional(readOnly = true)
    public List<MappedAccount> vendorAccounts() {
        staff();
        return table.accounts(currentWorkspace.id(), null);
    }

    /** A page of the vendor's accounts by name; {@code nextCursor} (opaque) continues it. */
    public record AccountPage(
            List<MappedAccount> accounts, @Nullable String nextCursor) {}

    @Transactional(readOnly = true)
    public AccountPage vendorAccounts(@Nullable String cursor, int limit) {
        staff();
        List<MappedAccount> found =
                table.vendorAccounts(currentWorkspace.id(), Cursors.decodeKeys(cursor, 2, "cursor"), limit + 1);
        List<MappedAccount> page = found.subList(0, Math.min(limit, found.size()));
        return new AccountPage(
                List.copyOf(page),
                found.size() > limit
                        ? Cursors.encodeKeys(
                                page.getLast().name(), page.getLast().domain())
                        : null);
    }

    private AccountMappingView view(PartnerView company, boolean vendorSide) {
        WorkspaceId workspace = currentWorkspace.id();
        MappingTable.Partnership partnership = table.partnership(workspace, company.id())
                .orElse(new MappingTable.Partnership(company.id(), SharingLevel.HIDDEN, SharingLevel.HIDDEN));
        SharingLevel mine = vendorSide ? partnership.vendorLevel() : partnership.partnerLevel();
        SharingLevel theirs = vendorSide ? partnership.partnerLevel() : partnership.vendorLevel();
        SharingLevel effective = SharingLevel.lower(mine, theirs);
        List<MappedAccount> own = table.accounts(workspace, vendorSide ? null : company.id());
        boolean counts = effective.atLeast(SharingLevel.COUNTS);
        boolean matches = effective.atLeast(SharingLevel.OVERLAPS);
        List<AccountOverlap> overlaps = counts ? overlaps(workspace, company.id(), vendorSide) : List.of();
        List<AccountOverlap> coSell =
                overlaps.stream().filter(o -> o.coSell() != null).toList();
        return new AccountMappingView(
                company.id(),
                company.name(),
                mine,
                theirs,
                effective,
                own,
                counts ? table.count(workspace, vendorSide ? company.id() : null) : null,
                counts ? overlaps.size() : null,
                counts ? coSell.size() : null,
                matches ? overlaps : List.of(),
                matches ? coSell : List.of(),
                effective == SharingLevel.FULL
                        ? table.accounts(workspace, vendorSide ? company.id() : null)
                        : List.of());
    }

    private List<AccountOverlap> overlaps(WorkspaceId workspace, PartnerId partner, boolean vendorSide) {
        return table.overlap(workspace, partner).stream()
                .map(m -> {
                    MappedAccount mine = vendorSide ? m.vendor() : m.partner();
                    MappedAccount theirs = vendorSide ? m.partner() : m.vendor();
                    return new AccountOverlap(mine, theirs, AccountOverlap.coSell(mine.status(), theirs.status()));
                })
                .toList();
    }

    private void setLevel(PartnerId partner, boolean vendorSide, String raw) {
        SharingLevel level;
        try {
            level = SharingLevel.valueOf(
                    Objects.requireNonNullElse(raw, "").strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "One of HIDDEN, COUNTS, OVERLAPS, FULL");
        }
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = DatabaseTime.now(clock);
        table.ensure(workspace, partner, now);
        MappingTable.Partnership before = table.partnership(workspace, partner).orElseThrow();
        table.setLevel(workspace, partner, vendorSide, level, now);
        audit.record(
                vendorSide ? "deals.mapping.vendor-level" : "deals.mapping.partner-level",
                "partnership",
                partner,
                before,
                table.partnership(workspace, partner).orElseThrow());
    }

    private PartnerId partner() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped p) {
            return new PartnerId(p.partnerId());
        }
        throw new AccessDeniedException("Only partner users upload their company's accounts");
    }

    private void staff() {
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only vendor staff see every partnership");
        }
    }
}
