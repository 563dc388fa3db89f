package dev.canopy.comarketing.web;

import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.MdfReturns;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.ui.Model;

/**
 * What an approved activity's page shows of its return, for staff and the partner alike: the figures, the deal
 * registrations counted for it, and the partner's others that could be (rejected ones never count).
 */
final class ActivityResults {

    private static final Set<DealStatus> COUNTABLE =
            Set.of(DealStatus.PENDING, DealStatus.APPROVED, DealStatus.WON, DealStatus.LOST, DealStatus.EXPIRED);

    /** A deal registration of the partner's, counted for the activity. */
    record DealForm(String dealId) {}

    private ActivityResults() {}

    /** {@code base}: the address the page's forms post under ("/app/mdf" or "/portal/funds"). */
    static void add(Model model, String base, MdfReturns returns, Deals deals, FundRequestView request) {
        model.addAttribute("resultsBase", base);
        List<DealView> linked = returns.deals(request.id());
        Set<UUID> counted = linked.stream().map(DealView::id).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("result", returns.of(request.id()));
        model.addAttribute("linkedDeals", linked);
        model.addAttribute(
                "partnerDeals",
                deals.search(new DealQuery(null, request.partnerId(), null, DealQuery.MAX_LIMIT)).deals().stream()
                        .filter(d -> COUNTABLE.contains(d.status()) && !counted.contains(d.id()))
                        .toList());
        if (!model.containsAttribute("dealForm")) {
            model.addAttribute("dealForm", new DealForm(""));
        }
    }
}
