package dev.canopy.console.web;

import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Team;
import dev.canopy.identity.Workspaces;
import dev.canopy.tracking.TrackingSettings;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: the workspace at a glance and what to set up next. */
@Controller
class OverviewController {

    /** One step of the getting-started checklist. */
    record Step(String title, String description, String href, String action, boolean done) {}

    private final Workspaces workspaces;
    private final Team team;
    private final ApiKeys apiKeys;
    private final TrackingSettings tracking;

    OverviewController(Workspaces workspaces, Team team, ApiKeys apiKeys, TrackingSettings tracking) {
        this.workspaces = workspaces;
        this.team = team;
        this.apiKeys = apiKeys;
        this.tracking = tracking;
    }

    @GetMapping("/app")
    @PreAuthorize("hasAuthority('workspace:read')")
    String overview(Model model, Authentication authentication) {
        var members = team.members();
        var invitations = team.invitations();
        model.addAttribute("workspace", workspaces.current());
        model.addAttribute("memberCount", members.size());
        model.addAttribute("invitationCount", invitations.size());
        boolean canSeeKeys =
                authentication.getAuthorities().stream().anyMatch(a -> "api-keys:write".equals(a.getAuthority()));
        long keyCount =
                canSeeKeys ? apiKeys.list().stream().filter(k -> k.active()).count() : 0;
        model.addAttribute("keyCount", keyCount);
        model.addAttribute(
                "steps",
                Stream.of(
                                new Step(
                                        "Create your workspace",
                                        "Your company's home in Canopy.",
                                        "/app/settings",
                                        "Review settings",
                                        true),
                                new Step(
                                        "Invite your team",
                                        "Partner managers, finance and sales each get the access their role needs.",
                                        "/app/team",
                                        "Invite a teammate",
                                        members.size() > 1 || !invitations.isEmpty()),
                                // Only for those who may create keys: the others would meet a 403 behind the button.
                                canSeeKeys
                                        ? new Step(
                                                "Connect your systems",
                                                "Create an API key for your billing system, CRM or website.",
                                                "/app/api-keys",
                                                "Create an API key",
                                                keyCount > 0)
                                        : null,
                                new Step(
                                        "Track what partners bring",
                                        "Allow your website's domain for partner links, add the snippet, connect Stripe.",
                                        "/app/integration",
                                        "Set up tracking",
                                        !tracking.allowedDomains().isEmpty()))
                        .filter(Objects::nonNull)
                        .toList());
        return "console/overview";
    }
}
