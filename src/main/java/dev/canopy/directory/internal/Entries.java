package dev.canopy.directory.internal;

import dev.canopy.directory.DirectoryEntry;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Listings joined with their partners and what Canopy knows of them, in the current workspace. */
@Component
public class Entries {

    /** The partners the public may see listed: those working with the vendor, not suspended, banned or gone. */
    public static final Set<PartnerStatus> PUBLIC = EnumSet.of(PartnerStatus.APPROVED, PartnerStatus.ACTIVE);

    private final Partners partners;
    private final ListingFacts facts;

    Entries(Partners partners, ListingFacts facts) {
        this.partners = partners;
        this.facts = facts;
    }

    /** The rows' entries, those of partners in {@code statuses} only. */
    public List<DirectoryEntry> of(List<ListingTable.Row> rows, Set<PartnerStatus> statuses) {
        Map<PartnerId, PartnerView> found =
                partners.byIds(rows.stream().map(ListingTable.Row::partner).toList()).stream()
                        .filter(p -> statuses.contains(p.status()))
                        .collect(Collectors.toMap(PartnerView::id, Function.identity()));
        Map<PartnerId, ListingFacts.Facts> known = facts.of(found.keySet());
        return rows.stream()
                .filter(r -> found.containsKey(r.partner()))
                .map(r -> entry(r, found.get(r.partner()), known.get(r.partner())))
                .toList();
    }

    /** The partner's entry: its listing, or (never saved) one not opted in, filled from its profile. */
    public DirectoryEntry of(PartnerView partner, java.util.Optional<ListingTable.Row> row, String slug) {
        ListingFacts.Facts known = facts.of(Set.of(partner.id())).get(partner.id());
        return entry(row.orElseGet(() -> unsaved(partner, slug)), partner, known);
    }

    private static ListingTable.Row unsaved(PartnerView partner, String slug) {
        return new ListingTable.Row(
                partner.id(),
                slug,
                false,
                false,
                null,
                null,
                partner.website(),
                null,
                List.of(),
                partner.verticals(),
                partner.regions(),
                null);
    }

    private static DirectoryEntry entry(ListingTable.Row r, PartnerView p, ListingFacts.Facts f) {
        ListingFacts.Facts known = f == null ? ListingFacts.Facts.NONE : f;
        return new DirectoryEntry(
                p.id(),
                p.name(),
                r.slug(),
                r.optedIn(),
                r.hidden(),
                r.hiddenReason(),
                r.description(),
                r.website(),
                r.contactEmail(),
                r.services(),
                r.industries(),
                r.regions(),
                p.types(),
                known.tier(),
                known.tierRank(),
                known.certifiedPeople(),
                known.certifications(),
                r.updatedAt());
    }
}
