package dev.canopy.tracking;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.Imported;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.AllowedDomainTable;
import dev.canopy.tracking.internal.Destinations;
import dev.canopy.tracking.internal.ImportedRows;
import dev.canopy.tracking.internal.LinkCache;
import dev.canopy.tracking.internal.LinkRules;
import dev.canopy.tracking.internal.RefTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Links and customers brought from another PRM, under ids the caller derives from the source's own so that a re-run
 * finds them. Links keep their old slugs, so a link already shared keeps working once its traffic reaches Canopy.
 * Nothing here is announced as a domain event: it is history, not news.
 */
@Service
public class TrackingImports {

    /** A link as the other PRM had it; a null destination leads to the first allowed domain's home page. */
    public record SourceLink(
            UUID id,
            PartnerId partner,
            String slug,
            @Nullable String destination) {}

    /** A customer as the other PRM had it; {@code paying} false keeps it a lead. */
    public record SourceCustomer(
            UUID id,
            String externalId,
            PartnerId partner,
            @Nullable String email,
            @Nullable String name,
            boolean paying,
            Instant createdAt) {}

    private final ImportedRows rows;
    private final AllowedDomainTable domains;
    private final LinkCache cache;
    private final RefTable refs;

    TrackingImports(ImportedRows rows, AllowedDomainTable domains, LinkCache cache, RefTable refs) {
        this.rows = rows;
        this.refs = refs;
        this.domains = domains;
        this.cache = cache;
    }

    /** Stores the links not stored before in the programme; one outcome per link, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Imported> importLinks(WorkspaceId workspace, ProgramId program, List<SourceLink> links, Instant now) {
        List<String> allowed = domains.list(workspace);
        Set<UUID> existing =
                rows.existingLinks(workspace, links.stream().map(SourceLink::id).toList());
        Set<String> taken = new HashSet<>(rows.takenSlugs(
                workspace,
                links.stream()
                        .map(l -> l.slug() == null ? "" : l.slug().strip().toLowerCase(java.util.Locale.ROOT))
                        .toList()));
        List<Imported> outcomes = new ArrayList<>();
        List<ImportedRows.NewLink> fresh = new ArrayList<>();
        for (SourceLink link : links) {
            if (existing.contains(link.id())) {
                outcomes.add(Imported.UNCHANGED);
                continue;
            }
            try {
                String[] slug = new String[1];
                String[] destination = new String[1];
                InvalidInputException.collect(
                        () -> slug[0] = LinkRules.checkSlug(link.slug()),
                        () -> destination[0] = Destinations.check(
                                        link.destination() == null && !allowed.isEmpty()
                                                ? "https://" + allowed.getFirst() + "/"
                                                : link.destination(),
                                        allowed)
                                .toString());
                if (!taken.add(slug[0])) {
                    throw new InvalidInputException("slug", "Another link of this workspace uses " + slug[0]);
                }
                fresh.add(new ImportedRows.NewLink(
                        link.id(), link.partner().value(), program.value(), slug[0], destination[0]));
                outcomes.add(Imported.CREATED);
            } catch (InvalidInputException e) {
                outcomes.add(Imported.refused(e));
            }
        }
        giveRefs(workspace, fresh);
        rows.insertLinks(workspace, fresh, now);
        if (!fresh.isEmpty()) {
            refreshAfterCommit();
        }
        return outcomes;
    }

    /**
     * Every redirect names the partner by its ref; a partner without one gets its first imported link's slug — in
     * Rewardful, Tolt and FirstPromoter the token of a link is the partner's ref already — or that slug numbered.
     */
    private void giveRefs(WorkspaceId workspace, List<ImportedRows.NewLink> links) {
        Map<PartnerId, String> refs = this.refs.refsOf(
                workspace, links.stream().map(l -> new PartnerId(l.partner())).toList());
        // Each partner's first slug, all claimed in one statement; a slug someone holds already is numbered, one try
        // at a time.
        Map<PartnerId, String> firsts = new LinkedHashMap<>();
        for (ImportedRows.NewLink link : links) {
            PartnerId partner = new PartnerId(link.partner());
            if (!refs.containsKey(partner)) {
                firsts.putIfAbsent(partner, link.slug());
            }
        }
        Set<PartnerId> given = this.refs.claimAll(workspace, firsts);
        firsts.forEach((partner, slug) -> {
            for (int n = 2; !given.contains(partner); n++) {
                if (this.refs.claim(workspace, partner, slug + "-" + n)) {
                    given.add(partner);
                }
            }
        });
    }

    /**
     * Stores the customers not known before, attributed to their partner in the programme. A customer Canopy knew
     * already by its external id (from Stripe, say) is given the partner when it had none, and left alone otherwise.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Imported> importCustomers(
            WorkspaceId workspace, ProgramId program, List<SourceCustomer> customers, Instant now) {
        Map<String, UUID[]> known = rows.customersByExternalId(
                workspace,
                customers.stream()
                        .map(SourceCustomer::externalId)
                        .filter(id -> id != null)
                        .toList());
        Set<String> seen = new HashSet<>();
        List<Imported> outcomes = new ArrayList<>();
        List<ImportedRows.NewCustomer> fresh = new ArrayList<>();
        for (SourceCustomer customer : customers) {
            String externalId =
                    customer.externalId() == null ? "" : customer.externalId().strip();
            UUID[] existing = known.get(externalId);
            if (existing != null) {
                if (existing[1] == null) {
                    rows.attribute(workspace, existing[0], customer.partner().value(), program.value(), now);
                    existing[1] = customer.partner().value();
                    outcomes.add(Imported.updated("Credited to its partner"));
                } else {
                    outcomes.add(Imported.UNCHANGED);
                }
                continue;
            }
            try {
                String[] email = new String[1];
                InvalidInputException.collect(
                        () -> {
                            if (externalId.isEmpty() || externalId.length() > 200) {
                                throw new InvalidInputException(
                                        "id", "Give the customer's id, of at most 200 characters");
                            }
                            if (!seen.add(externalId)) {
                                throw new InvalidInputException("id", "This customer appears twice in the file");
                            }
                        },
                        () -> email[0] =
                                customer.email() == null || customer.email().isBlank()
                                        ? null
                                        : EmailAddress.parse(customer.email())
                                                .orElseThrow(() -> new InvalidInputException(
                                                        "email", "'" + customer.email() + "' is not an email address"))
                                                .value(),
                        () -> {
                            if (customer.name() != null && Texts.problem(customer.name()) != null) {
                                throw new InvalidInputException("name", Texts.problem(customer.name()));
                            }
                        });
                fresh.add(new ImportedRows.NewCustomer(
                        customer.id(),
                        externalId,
                        email[0],
                        customer.name() == null || customer.name().isBlank()
                                ? null
                                : customer.name().strip(),
                        customer.paying() ? "CUSTOMER" : "LEAD",
                        customer.partner().value(),
                        customer.createdAt()));
                outcomes.add(Imported.CREATED);
            } catch (InvalidInputException e) {
                outcomes.add(Imported.refused(e));
            }
        }
        rows.insertCustomers(workspace, program.value(), fresh);
        return outcomes;
    }

    /** The ids of the customers known by these external ids. */
    public Map<String, UUID> customerIds(WorkspaceId workspace, List<String> externalIds) {
        Map<String, UUID> ids = new java.util.HashMap<>();
        rows.customersByExternalId(workspace, externalIds).forEach((key, value) -> ids.put(key, value[0]));
        return ids;
    }

    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.refresh();
            }
        });
    }
}
