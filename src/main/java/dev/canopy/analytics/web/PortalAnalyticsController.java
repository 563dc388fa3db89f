package dev.canopy.analytics.web;

import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelChart;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.PartnerFunnel;
import dev.canopy.platform.Flash;
import dev.canopy.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A partner's own performance: its funnel against the period before, and its rank band. */
@Controller
@RequestMapping("/portal/analytics")
@PreAuthorize("hasRole('PARTNER')")
class PortalAnalyticsController {

    private final Analytics analytics;

    PortalAnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping
    String mine(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        FunnelQuery query;
        try {
            query = FunnelQuery.parse(from, to, null, null, analytics.today());
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", Flash.message(e));
            query = FunnelQuery.lastDays(analytics.today());
        }
        PartnerFunnel mine = analytics.mine(query.period());
        model.addAttribute("mine", mine);
        model.addAttribute("chart", FunnelChart.of(mine.days()));
        model.addAttribute(
                "revenueChange",
                FunnelReport.change(
                        mine.current().partnerRevenue().amount(),
                        mine.previous().partnerRevenue().amount()));
        return "analytics/portal";
    }
}
