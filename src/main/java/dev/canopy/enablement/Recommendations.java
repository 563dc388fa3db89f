package dev.canopy.enablement;

import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.enablement.internal.AssetSearch;
import dev.canopy.enablement.internal.Viewers;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Recommended for this deal": the library's assets that fit one of the signed-in partner's deal registrations. */
@Service
public class Recommendations {

    private final AssetSearch search;
    private final Viewers viewers;
    private final Deals deals;
    private final CurrentWorkspace currentWorkspace;
    private final Clock clock;

    Recommendations(AssetSearch search, Viewers viewers, Deals deals, CurrentWorkspace currentWorkspace, Clock clock) {
        this.search = search;
        this.viewers = viewers;
        this.deals = deals;
        this.currentWorkspace = currentWorkspace;
        this.clock = clock;
    }

    /**
     * What the partner may see that names the deal's products, its stage or its industry, best matches first (at most
     * {@code limit}); another partner's deal is not found.
     */
    @Transactional(readOnly = true)
    public List<AssetView> forDeal(UUID dealId, int limit) {
        Viewer viewer = viewers.current().orElseThrow(() -> new NotFoundException("Deal registration"));
        DealView deal = deals.get(dealId);
        Instant now = clock.instant();
        return search
                .recommended(currentWorkspace.id(), viewer, now, deal.products(), deal.stage(), deal.industry(), limit)
                .stream()
                .map(row -> row.view(now))
                .toList();
    }
}
