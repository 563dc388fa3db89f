package dev.canopy.enablement;

import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.enablement.internal.UsageCsv;
import dev.canopy.enablement.internal.UsageTable;
import dev.canopy.enablement.internal.Viewers;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partners did with the library's assets, for staff: per partner and person, views, downloads and openings
 * of the links they shared; the partners an asset is for who never opened it; the same as CSV.
 */
@Service
public class ContentUsage {

    private final AssetTable assets;
    private final UsageTable usageTable;
    private final Partners partners;
    private final Memberships memberships;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    ContentUsage(
            AssetTable assets,
            UsageTable usageTable,
            Partners partners,
            Memberships memberships,
            CurrentWorkspace currentWorkspace,
            Clock clock) {
        this.assets = assets;
        this.usageTable = usageTable;
        this.partners = partners;
        this.memberships = memberships;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /** Who used an asset: per partner and person, views, downloads and when last. */
    @Transactional(readOnly = true)
    public List<AssetUsage> usage(UUID id) {
        asset(id);
        List<UsageTable.Use> uses = usageTable.uses(currentWorkspace.id(), id);
        Map<PartnerId, String> names =
                partners
                        .byIds(uses.stream()
                                .map(UsageTable.Use::partner)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        return uses.stream()
                .map(u -> new AssetUsage(
                        u.partner(),
                        names.getOrDefault(u.partner(), "—"),
                        u.person(),
                        u.views(),
                        u.downloads(),
                        u.shareOpens(),
                        u.lastAt()))
                .toList();
    }

    /**
     * The active partners an asset is for (its audience admits them now) who have never opened it, by name: whom
     * to nudge. Empty while the asset is not live.
     */
    @Transactional(readOnly = true)
    public List<PartnerView> neverOpened(UUID id) {
        AssetView asset = asset(id).view(clock.instant());
        if (asset.state() != AssetState.LIVE) {
            return List.of();
        }
        Set<PartnerId> opened = usageTable.uses(currentWorkspace.id(), id).stream()
                .map(UsageTable.Use::partner)
                .collect(Collectors.toSet());
        Map<PartnerId, List<MembershipView>> joined =
                memberships.list(null, null).stream().collect(Collectors.groupingBy(MembershipView::partnerId));
        List<PartnerView> never = new ArrayList<>();
        String after = null;
        do {
            PartnerPage page = partners.search(new PartnerSearch(
                    null, null, PartnerStatus.ACTIVE, null, false, after, PartnerSearch.MAX_LIMIT, null));
            for (PartnerView partner : page.partners()) {
                if (!opened.contains(partner.id())
                        && asset.audience().admits(Viewers.of(partner, joined.getOrDefault(partner.id(), List.of())))) {
                    never.add(partner);
                }
            }
            after = page.nextCursor();
        } while (after != null);
        never.sort(Comparator.comparing(PartnerView::name, String.CASE_INSENSITIVE_ORDER));
        return never;
    }

    /** The usage report as CSV: one row per partner and person, then the partners who never opened it. */
    @Transactional(readOnly = true)
    public String usageCsv(UUID id) {
        List<List<Object>> rows = new ArrayList<>();
        for (AssetUsage u : usage(id)) {
            rows.add(List.of(u.partnerName(), u.person(), u.views(), u.downloads(), u.shareOpens(), u.lastAt()));
        }
        for (PartnerView p : neverOpened(id)) {
            rows.add(List.of(p.name(), "", 0, 0, 0, ""));
        }
        return UsageCsv.write(rows);
    }

    private AssetTable.Row asset(UUID id) {
        return assets.find(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Asset"));
    }
}
