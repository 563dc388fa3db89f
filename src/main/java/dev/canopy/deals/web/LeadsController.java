package dev.canopy.deals.web;

import dev.canopy.deals.LeadQuery;
import dev.canopy.deals.LeadRoutingRules;
import dev.canopy.deals.LeadStatus;
import dev.canopy.deals.LeadView;
import dev.canopy.deals.Leads;
import dev.canopy.deals.NewLead;
import dev.canopy.deals.NewRoutingRule;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.Partners;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Leads in the console: add one (to a partner, or by the rules), follow its offers, and the routing rules. */
@Controller
@RequestMapping("/app/leads")
class LeadsController {

    private final Leads leads;
    private final LeadRoutingRules routing;
    private final Partners partners;

    LeadsController(Leads leads, LeadRoutingRules routing, Partners partners) {
        this.leads = leads;
        this.routing = routing;
        this.partners = partners;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    String list(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("form", new NewLead(null, null, null, null, null, null, null));
        return list(after, model, true);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('deals:write')")
    String create(
            @ModelAttribute("form") NewLead form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    LeadView lead = leads.create(form);
                    redirect.addFlashAttribute(
                            "flash",
                            lead.status() == LeadStatus.OFFERED
                                    ? lead.accountName() + " is offered to " + lead.partnerName() + "."
                                    : lead.accountName() + " is saved; no rule found a partner for it.");
                    return "redirect:/app/leads";
                },
                () -> list(null, model, false));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    String lead(@PathVariable UUID id, Model model) {
        model.addAttribute("lead", leads.get(id));
        return "deals/lead";
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('deals:read')")
    String rules(Model model) {
        model.addAttribute("rules", routing.rules());
        model.addAttribute("tiers", routing.tiers());
        model.addAttribute("types", Arrays.asList(PartnerType.values()));
        model.addAttribute("regions", partners.regions());
        model.addAttribute("partners", activePartners());
        return "deals/rules";
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('deals:write')")
    String addRule(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String partnerType,
            @RequestParam(defaultValue = "") String tierId,
            RedirectAttributes redirect) {
        return rulesAction(
                redirect,
                () -> routing.addRule(new NewRoutingRule(name, region, partnerType, tierId))
                                .name()
                        + " is added.");
    }

    @PostMapping("/rules/{id}/weights")
    @PreAuthorize("hasAuthority('deals:write')")
    String weight(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String partnerId,
            @RequestParam(defaultValue = "") String weight,
            RedirectAttributes redirect) {
        return rulesAction(
                redirect, () -> routing.setWeight(id, partnerId, weight).name() + " is weighted.");
    }

    @PostMapping("/rules/{id}/remove")
    @PreAuthorize("hasAuthority('deals:write')")
    String removeRule(@PathVariable UUID id, RedirectAttributes redirect) {
        return rulesAction(redirect, () -> {
            routing.removeRule(id);
            return "The rule is removed.";
        });
    }

    private String list(String after, Model model, boolean fresh) {
        model.addAttribute("page", leads.search(new LeadQuery(null, after, 50)));
        model.addAttribute("partners", activePartners());
        model.addAttribute("fresh", fresh);
        return "deals/leads";
    }

    private java.util.List<dev.canopy.partners.PartnerView> activePartners() {
        return partners.search(new PartnerSearch(null, null, PartnerStatus.ACTIVE, null, false, null, 500))
                .partners();
    }

    private String rulesAction(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        return Flash.after(redirect, "/app/leads/rules", action);
    }
}
