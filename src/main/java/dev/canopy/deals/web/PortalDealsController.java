package dev.canopy.deals.web;

import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealRules;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.NewDeal;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Formats;
import dev.canopy.platform.Forms;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
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

/** The partner's deals in the portal: register one (with a conflict hint as the domain is typed), follow them. */
@Controller
@RequestMapping("/portal/deals")
@PreAuthorize("hasRole('PARTNER')")
class PortalDealsController {

    /** The registration form; products are typed comma-separated. */
    record DealForm(
            String programId,
            String accountName,
            String website,
            String contactName,
            String contactEmail,
            String amount,
            String currency,
            String products,
            String expectedClose,
            String notes,
            String industry) {

        NewDeal toNewDeal() {
            return new NewDeal(
                    programId,
                    accountName,
                    website,
                    contactName,
                    contactEmail,
                    amount,
                    currency,
                    products == null ? List.of() : Arrays.asList(products.split(",")),
                    expectedClose,
                    notes,
                    industry);
        }
    }

    private final Deals deals;
    private final DealRules rules;
    private final Clock clock;
    private final MessageSourceAccessor messages;
    private final Formats formats;

    PortalDealsController(Deals deals, DealRules rules, Clock clock, MessageSourceAccessor messages, Formats formats) {
        this.deals = deals;
        this.rules = rules;
        this.clock = clock;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping
    String mine(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", deals.search(new DealQuery(null, null, after, 50)));
        model.addAttribute("now", clock.instant());
        return "deals/portal/deals";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new DealForm(null, null, null, null, null, null, "USD", null, null, null, null));
        return form(model, true);
    }

    @PostMapping
    String register(
            @ModelAttribute("form") DealForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    DealView deal = deals.register(form.toNewDeal());
                    redirect.addFlashAttribute(
                            "flash", messages.getMessage("deals.register.done", new Object[] {deal.accountName()}));
                    return "redirect:/portal/deals/" + deal.id();
                },
                () -> form(model, false));
    }

    /** The hint under the website field, as the partner types (htmx). */
    @GetMapping("/hint")
    String hint(@RequestParam(defaultValue = "") String website, Model model) {
        model.addAttribute("hint", deals.hint(website).orElse(null));
        model.addAttribute("typed", !website.isBlank());
        return "deals/portal/register :: hint";
    }

    @GetMapping("/{id}")
    String deal(@PathVariable UUID id, Model model) {
        model.addAttribute("deal", deals.get(id));
        model.addAttribute("now", clock.instant());
        return "deals/portal/deal";
    }

    @PostMapping("/{id}/extension")
    String extend(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(
                redirect,
                "/portal/deals/" + id,
                () -> messages.getMessage(
                        "deals.deal.extended",
                        new Object[] {formats.date(deals.extend(id).protectedUntil())}));
    }

    private String form(Model model, boolean fresh) {
        model.addAttribute("programs", deals.programsToRegisterUnder());
        model.addAttribute("requirements", rules.myRegistrationRequirements());
        model.addAttribute("fresh", fresh);
        return "deals/portal/register";
    }
}
