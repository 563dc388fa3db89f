package dev.canopy.tracking.web;

import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Flash;
import dev.canopy.programs.ProgramId;
import dev.canopy.tracking.TrackingSettings;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connecting a workspace's website and billing: allowed domains, the snippet to paste, the Stripe
 * endpoint and its secrets, API examples, each programme's attribution rules and partners' coupons.
 */
@Controller
@RequestMapping("/app/integration")
@PreAuthorize("hasAuthority('tracking:read')")
class IntegrationController {

    private static final String SNIPPET = """
            <script src="%s" defer></script>

            <script>
              // after a visitor signs up:
              canopy.lead({ email: "ann@acme.example", customerId: "your-id-for-them", name: "Ann" });
              // when you send them to Stripe Checkout, pass canopy.clickId() as client_reference_id
            </script>""";

    private static final String CURL = """
            curl -X POST %s \\
              -H "Authorization: Bearer $CANOPY_KEY" -H "Content-Type: application/json" \\
              -d '{"id":"inv-1042-paid","customerExternalId":"acct-77","email":"ann@acme.example",
                   "clickId":"…","invoiceId":"inv-1042","amount":"1200.00","currency":"USD",
                   "product":"Pro plan","recurring":true}'""";

    private final TrackingSettings settings;
    private final Workspaces workspaces;
    private final Partners partners;
    private final BaseUrl baseUrl;

    IntegrationController(TrackingSettings settings, Workspaces workspaces, Partners partners, BaseUrl baseUrl) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.partners = partners;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    String page(Model model) {
        String slug = workspaces.current().slug();
        model.addAttribute("domains", settings.allowedDomains());
        model.addAttribute("secrets", settings.stripeSecrets());
        model.addAttribute("attribution", settings.attribution());
        model.addAttribute("coupons", settings.coupons(null));
        List<PartnerView> all = partners.search(new PartnerSearch(null, null, null, null, false, null, 200))
                .partners();
        model.addAttribute("partners", all);
        model.addAttribute("partnerNames", all.stream().collect(Collectors.toMap(PartnerView::id, PartnerView::name)));
        model.addAttribute("snippetExample", SNIPPET.formatted(baseUrl.link("/t/" + slug + "/canopy.js")));
        model.addAttribute("stripeUrl", baseUrl.link("/t/" + slug + "/stripe"));
        model.addAttribute("curlExample", CURL.formatted(baseUrl.link("/api/v1/events/sale")));
        return "tracking/integration";
    }

    @PostMapping("/domains")
    @PreAuthorize("hasAuthority('tracking:write')")
    String allow(@RequestParam(defaultValue = "") String domain, RedirectAttributes redirect) {
        return act(redirect, () -> "Links may now lead to " + settings.allowDomain(domain) + " and its subdomains.");
    }

    @PostMapping("/domains/remove")
    @PreAuthorize("hasAuthority('tracking:write')")
    String disallow(@RequestParam String domain, RedirectAttributes redirect) {
        return act(redirect, () -> {
            settings.disallowDomain(domain);
            return "New links can no longer lead to " + domain + "; existing ones keep working.";
        });
    }

    @PostMapping("/stripe-secrets")
    @PreAuthorize("hasAuthority('tracking:write')")
    String addSecret(@RequestParam(defaultValue = "") String secret, RedirectAttributes redirect) {
        return act(
                redirect,
                () -> "Signing secret " + settings.addStripeSecret(secret).masked() + " added.");
    }

    @PostMapping("/stripe-secrets/{id}/revoke")
    @PreAuthorize("hasAuthority('tracking:write')")
    String revokeSecret(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> {
            settings.revokeStripeSecret(id);
            return "Signing secret revoked: events signed with it are now refused.";
        });
    }

    @PostMapping("/attribution/{program}")
    @PreAuthorize("hasAuthority('tracking:write')")
    String attribution(
            @PathVariable UUID program,
            @RequestParam(defaultValue = "LAST_CLICK") String model,
            @RequestParam(defaultValue = "false") boolean allowTakeover,
            RedirectAttributes redirect) {
        return act(
                redirect,
                () -> settings.setAttribution(new ProgramId(program), "FIRST_CLICK".equals(model), allowTakeover)
                                .programName()
                        + " attributes by " + ("FIRST_CLICK".equals(model) ? "first" : "last") + " click"
                        + (allowTakeover ? ", and allows takeover." : "; customers stay with their first partner."));
    }

    @PostMapping("/coupons")
    @PreAuthorize("hasAuthority('tracking:write')")
    String coupon(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String partnerId,
            @RequestParam(defaultValue = "") String programId,
            RedirectAttributes redirect) {
        return act(
                redirect,
                () -> "Coupon " + settings.addCoupon(code, partnerId, programId).code() + " created.");
    }

    @PostMapping("/coupons/{code}/disable")
    @PreAuthorize("hasAuthority('tracking:write')")
    String disableCoupon(@PathVariable String code, RedirectAttributes redirect) {
        return act(redirect, () -> {
            settings.setCouponDisabled(code, true);
            return "Coupon " + code + " no longer attributes.";
        });
    }

    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return Flash.after(redirect, "/app/integration", action);
    }
}
