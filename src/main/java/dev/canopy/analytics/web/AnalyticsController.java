package dev.canopy.analytics.web;

import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelChart;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.Kpi;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.platform.Flash;
import dev.canopy.programs.Programs;
import dev.canopy.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The vendor's analytics dashboard, its definitions and its table as CSV. */
@Controller
@RequestMapping("/app/analytics")
@PreAuthorize("hasAuthority('analytics:read')")
class AnalyticsController {

    private final Analytics analytics;
    private final Programs programs;
    private final Partners partners;
    private final PartnerDirectory directory;

    AnalyticsController(Analytics analytics, Programs programs, Partners partners, PartnerDirectory directory) {
        this.analytics = analytics;
        this.programs = programs;
        this.partners = partners;
        this.directory = directory;
    }

    @GetMapping
    String dashboard(Filters filters, Model model) {
        FunnelQuery query;
        try {
            query = filters.query(analytics.today());
        } catch (InvalidInputException e) {
            // A filter typed into the address bar: the page still answers, for the default period, and says why.
            model.addAttribute("filterError", Flash.message(e));
            query = FunnelQuery.lastDays(analytics.today());
        }
        FunnelReport report = analytics.dashboard(query);
        model.addAttribute("report", report);
        model.addAttribute("retention", analytics.retention(query, report.current()));
        model.addAttribute("activation", analytics.activation(query));
        model.addAttribute("programmes", analytics.programmes(report));
        model.addAttribute("programs", programs.list());
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("regions", partners.regions());
        model.addAttribute("tiers", directory.tiers());
        model.addAttribute(
                "partnerName",
                query.partner() == null ? null : partners.get(query.partner()).name());
        model.addAttribute("funnelKpis", List.of(Kpi.CLICKS, Kpi.LEADS, Kpi.CUSTOMERS));
        model.addAttribute("partnerRevenueChange", report.change(Kpi.PARTNER_REVENUE));
        model.addAttribute("pipelineChange", report.change(Kpi.PIPELINE));
        model.addAttribute("chart", FunnelChart.of(report.days()));
        return "analytics/dashboard";
    }

    @GetMapping("/definitions")
    String definitions(Model model) {
        model.addAttribute("kpis", Kpi.values());
        return "analytics/definitions";
    }

    @GetMapping("/partners.csv")
    ResponseEntity<byte[]> partnersCsv(Filters filters) {
        FunnelReport report = analytics.funnel(filters.query(analytics.today()));
        return csv("partners", report, FunnelCsv.partners(report));
    }

    @GetMapping("/programmes.csv")
    ResponseEntity<byte[]> programmesCsv(Filters filters) {
        FunnelReport report = analytics.dashboard(filters.query(analytics.today()));
        return csv("programmes", report, FunnelCsv.programmes(analytics.programmes(report)));
    }

    private static ResponseEntity<byte[]> csv(String table, FunnelReport report, String body) {
        String name = table + "-" + report.query().period().first() + "-to-"
                + report.query().period().last() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
