package dev.canopy.portal.web;

import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelChart;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.analytics.PartnerFunnel;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.Commissions;
import dev.canopy.commissions.Earnings;
import dev.canopy.communications.Announcements;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.Deals;
import dev.canopy.deals.LeadQuery;
import dev.canopy.deals.LeadStatus;
import dev.canopy.deals.Leads;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutRules;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Memberships;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The partner portal's home: where the partner stands in each programme, its last 30 days against the 30 before
 * and its rank band, its earnings by status, what its links brought in, its deals and the leads waiting for its
 * answer, each with the way to the page that has the rest.
 */
@Controller
@PreAuthorize("hasRole('PARTNER')")
class PortalHomeController {

    /** What all of the partner's links brought in. */
    record LinkTotals(long clicks, long leads, long customers) {

        static LinkTotals of(List<LinkView> links) {
            return new LinkTotals(
                    links.stream().mapToLong(l -> l.stats().clicks()).sum(),
                    links.stream().mapToLong(l -> l.stats().leads()).sum(),
                    links.stream().mapToLong(l -> l.stats().customers()).sum());
        }
    }

    private final Memberships memberships;
    private final Links links;
    private final Deals deals;
    private final Leads leads;
    private final Analytics analytics;
    private final Commissions commissions;
    private final PayoutRules payoutRules;
    private final CurrentWorkspace currentWorkspace;
    private final Announcements announcements;

    PortalHomeController(
            Memberships memberships,
            Links links,
            Deals deals,
            Leads leads,
            Analytics analytics,
            Commissions commissions,
            PayoutRules payoutRules,
            CurrentWorkspace currentWorkspace,
            Announcements announcements) {
        this.announcements = announcements;
        this.payoutRules = payoutRules;
        this.memberships = memberships;
        this.links = links;
        this.deals = deals;
        this.leads = leads;
        this.analytics = analytics;
        this.commissions = commissions;
        this.currentWorkspace = currentWorkspace;
    }

    @GetMapping("/portal")
    String home(Model model) {
        List<LinkView> mine = links.mine();
        Map<DealStatus, Long> dealsByStatus = deals.countByStatus(null);
        model.addAttribute("programs", memberships.mine());
        model.addAttribute("pinned", announcements.pinnedForMe());
        model.addAttribute(
                "personalLinks", mine.stream().filter(LinkView::personal).toList());
        model.addAttribute("linkTotals", LinkTotals.of(mine));
        model.addAttribute("dealsByStatus", dealsByStatus);
        PartnerFunnel performance =
                analytics.mine(FunnelQuery.lastDays(analytics.today()).period());
        model.addAttribute("performance", performance);
        model.addAttribute("chart", FunnelChart.of(performance.days()));
        List<Commissions.StatusTotal> totals =
                commissions.totals(PartnerId.signedIn(currentWorkspace).orElseThrow());
        model.addAttribute("earnings", Earnings.of(totals));
        model.addAttribute(
                "margins",
                totals.stream()
                        .filter(t -> t.status() == CommissionStatus.RECORDED)
                        .map(Commissions.StatusTotal::amount)
                        .toList());
        model.addAttribute("nextPayout", payoutRules.nextScheduledRun().orElse(null));
        model.addAttribute(
                "leadsWaiting",
                leads.search(new LeadQuery(LeadStatus.OFFERED, null, 200))
                        .leads()
                        .size());
        return "portal/home";
    }
}
