package dev.canopy.console.web;

import dev.canopy.analytics.Analytics;
import dev.canopy.analytics.FunnelQuery;
import dev.canopy.audit.AuditLog;
import dev.canopy.audit.AuditQuery;
import dev.canopy.commissions.Commissions;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.Deals;
import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerRole;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Flash;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.TierChange;
import dev.canopy.programs.Tiers;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One partner company on one page: profile, lifecycle, programmes and tiers, contacts, portal users, activity. */
@Controller
@RequestMapping("/app/partners/{id}")
class PartnerPageController {

    record InviteUserForm(String email, String displayName, String role) {}

    private final Partners partners;
    private final PartnerAccess access;
    private final AuditLog audit;
    private final CurrentWorkspace currentWorkspace;
    private final Memberships memberships;
    private final Tiers tiers;
    private final Analytics analytics;
    private final Commissions commissions;
    private final Deals deals;

    PartnerPageController(
            Partners partners,
            PartnerAccess access,
            AuditLog audit,
            CurrentWorkspace currentWorkspace,
            Memberships memberships,
            Tiers tiers,
            Analytics analytics,
            Commissions commissions,
            Deals deals) {
        this.analytics = analytics;
        this.commissions = commissions;
        this.deals = deals;
        this.partners = partners;
        this.access = access;
        this.audit = audit;
        this.currentWorkspace = currentWorkspace;
        this.memberships = memberships;
        this.tiers = tiers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partners:read')")
    String page(@PathVariable UUID id, Model model, Authentication authentication) {
        PartnerView partner = partners.get(new PartnerId(id));
        model.addAttribute("partner", partner);
        model.addAttribute(
                "moves", partners.movesFrom(partner.status()).stream().sorted().toList());
        model.addAttribute(
                "movesNeedingReason",
                Arrays.stream(PartnerStatus.values())
                        .filter(partners::needsReason)
                        .map(Enum::name)
                        .toList());
        model.addAttribute("contacts", partners.contacts(partner.id()));
        model.addAttribute("users", access.users(id));
        model.addAttribute("history", partners.history(partner.id()));
        model.addAttribute(
                "activity",
                audit.search(new AuditQuery(null, null, id.toString(), null, null, null, 30))
                        .entries());
        model.addAttribute("partnerRoles", PartnerRole.values());
        List<MembershipView> programmes = memberships.list(null, partner.id());
        model.addAttribute("memberships", programmes);
        model.addAttribute(
                "tierHistory",
                programmes.stream()
                        .flatMap(m -> tiers.history(m.programId(), partner.id()).stream())
                        .sorted(Comparator.comparing(TierChange::changedAt).reversed())
                        .toList());
        performance(partner.id(), model, authentication);
        return "console/partner";
    }

    /** The partner's last 30 days against the 30 before, its commissions and deals, as far as the role reads them. */
    private void performance(PartnerId partner, Model model, Authentication authentication) {
        Predicate<String> can =
                authority -> authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
        if (can.test("analytics:read")) {
            FunnelQuery last30 = FunnelQuery.lastDays(analytics.today());
            model.addAttribute("trend", analytics.trend(new FunnelQuery(last30.period(), null, partner)));
        }
        if (can.test("commissions:read")) {
            model.addAttribute(
                    "earnings",
                    commissions.totals(partner).stream()
                            .sorted(Comparator.comparing(Commissions.StatusTotal::status))
                            .toList());
        }
        if (can.test("deals:read")) {
            Map<DealStatus, Long> all = deals.countByStatus(partner);
            Map<DealStatus, Long> counts = new LinkedHashMap<>();
            for (DealStatus status : List.of(DealStatus.PENDING, DealStatus.APPROVED, DealStatus.WON)) {
                counts.put(status, all.getOrDefault(status, 0L));
            }
            model.addAttribute("dealCounts", counts);
        }
    }

    @PostMapping("/users")
    @PreAuthorize("hasAuthority('partners:write')")
    String inviteUser(@PathVariable UUID id, InviteUserForm form, RedirectAttributes redirect) {
        PartnerView partner = partners.get(new PartnerId(id));
        return Flash.after(redirect, "/app/partners/" + id, () -> {
            access.invite(
                    currentWorkspace.id(),
                    currentWorkspace.actor(),
                    partner.id().value(),
                    form.email(),
                    form.displayName(),
                    PartnerRole.parse(form.role()));
            return form.email().strip() + " is invited to the partner portal.";
        });
    }

    @PostMapping("/users/{userId}/remove")
    @PreAuthorize("hasAuthority('partners:write')")
    String removeUser(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
        partners.get(new PartnerId(id));
        if (access.users(id).stream().noneMatch(u -> u.id().equals(userId))) {
            throw new dev.canopy.shared.NotFoundException("Partner user");
        }
        access.remove(userId);
        redirect.addFlashAttribute("flash", "Removed from the partner portal.");
        return "redirect:/app/partners/" + id;
    }
}
