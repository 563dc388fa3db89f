package dev.canopy.analytics.web;

import dev.canopy.analytics.ActivationReport;
import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.ProgramPnl;
import dev.canopy.analytics.RetentionReport;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "The dashboards' figures, with the same filters, for BI tools")
class AnalyticsApi {

    record ProgramPnlList(List<ProgramPnl> data, @Nullable String nextCursor) {}

    private final Analytics analytics;

    AnalyticsApi(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/funnel")
    @PreAuthorize("hasAuthority('analytics:read')")
    @Operation(
            summary = "The demand funnel of a period against the one before it",
            description = "Clicks, leads, new customers and revenue (partner and unattributed kept apart) in the"
                    + " workspace's currency, per partner and per day. Days are UTC days, both ends included;"
                    + " the default is the last 30 days. See /app/analytics/definitions for each figure.")
    FunnelReport getFunnel(@ParameterObject Filters filters) {
        return analytics.funnel(filters.query(analytics.today()));
    }

    @GetMapping("/retention")
    @PreAuthorize("hasAuthority('analytics:read')")
    @Operation(
            summary = "Churn, revenue per paying account and cohorts, partner-brought and direct apart",
            description = "The same filters as the funnel; cohorts are the 12 months up to the period's last day.")
    RetentionReport getRetention(@ParameterObject Filters filters) {
        FunnelQuery query = filters.query(analytics.today());
        return analytics.retention(query, analytics.totals(query));
    }

    @GetMapping("/programmes")
    @PreAuthorize("hasAuthority('analytics:read')")
    @Operation(
            summary = "Each programme's profit and loss line in the period",
            description = "Partner revenue, commission cost and their difference (net contribution), with the"
                    + " funnel's counts and the deals won, per programme. The same filters as the funnel.")
    ProgramPnlList listProgrammePnl(
            @ParameterObject Filters filters,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<ProgramPnl> page = Pages.of(
                analytics.programmes(analytics.dashboard(filters.query(analytics.today()))),
                p -> p.program().toString(),
                cursor,
                limit);
        return new ProgramPnlList(page.items(), page.nextCursor());
    }

    @GetMapping("/activation")
    @PreAuthorize("hasAuthority('analytics:read')")
    @Operation(
            summary = "How fast the partners approved in the period reached a first lead, deal and sale",
            description = "With today's active and dormant partners. The same filters as the funnel.")
    ActivationReport getActivation(@ParameterObject Filters filters) {
        return analytics.activation(filters.query(analytics.today()));
    }
}
