package dev.canopy.console.web;

import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.CurrentWorkspace;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's first page, by role: what waits for the signed-in person now, the last 30 days against the 30
 * before, and what the workspace still needs set up.
 */
@Controller
class OverviewController {

    private final Workspaces workspaces;
    private final CurrentWorkspace currentWorkspace;
    private final WorkWaiting work;
    private final GettingStarted gettingStarted;
    private final Analytics analytics;

    OverviewController(
            Workspaces workspaces,
            CurrentWorkspace currentWorkspace,
            WorkWaiting work,
            GettingStarted gettingStarted,
            Analytics analytics) {
        this.workspaces = workspaces;
        this.currentWorkspace = currentWorkspace;
        this.work = work;
        this.gettingStarted = gettingStarted;
        this.analytics = analytics;
    }

    @GetMapping("/app")
    @PreAuthorize("hasAuthority('workspace:read')")
    String overview(Model model, Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Predicate<String> can = authorities::contains;
        String accountId = currentWorkspace.actor().id();
        model.addAttribute("workspace", workspaces.current());
        model.addAttribute("work", work.items(can, accountId));
        List<GettingStarted.Step> steps = gettingStarted.steps(can);
        model.addAttribute("steps", steps);
        model.addAttribute("setUp", steps.stream().allMatch(GettingStarted.Step::done));
        if (can.test("analytics:read")) {
            model.addAttribute("trend", analytics.trend(FunnelQuery.lastDays(analytics.today())));
        }
        return "console/overview";
    }
}
