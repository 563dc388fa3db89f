package dev.canopy.deals.web;

import dev.canopy.deals.LeadQuery;
import dev.canopy.deals.Leads;
import dev.canopy.platform.Flash;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leads offered to the partner: accept, or decline with a reason, before the clock runs out. */
@Controller
@RequestMapping("/portal/leads")
@PreAuthorize("hasRole('PARTNER')")
class PortalLeadsController {

    private final Leads leads;
    private final MessageSourceAccessor messages;

    PortalLeadsController(Leads leads, MessageSourceAccessor messages) {
        this.leads = leads;
        this.messages = messages;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("page", leads.search(new LeadQuery(null, null, 200)));
        return "deals/portal/leads";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(
                redirect,
                "/portal/leads",
                () -> messages.getMessage(
                        "deals.leads.accepted", new Object[] {leads.accept(id).accountName()}));
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/leads", () -> {
            leads.decline(id, reason);
            return messages.getMessage("deals.leads.declined");
        });
    }
}
