package dev.canopy.commissions.web;

import dev.canopy.commissions.Bounties;
import dev.canopy.commissions.CommissionView;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Granting a bounty: the form (from the commissions list or a partner's page) and the grant. */
@Controller
@RequestMapping("/app/commissions/bounties")
class BountyController {

    /** {@code token} is made when the form is shown: sent twice, the form grants once. */
    record BountyForm(String partnerId, String ruleId, String reason, String token) {}

    private final Bounties bounties;
    private final CommissionPages pages;

    BountyController(Bounties bounties, CommissionPages pages) {
        this.bounties = bounties;
        this.pages = pages;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('commissions:write')")
    String form(@RequestParam(required = false) String partner, Model model) {
        model.addAttribute(
                "bountyForm", new BountyForm(partner, "", "", UUID.randomUUID().toString()));
        return pages.bounty(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('commissions:write')")
    String grant(
            @ModelAttribute("bountyForm") BountyForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    Bounties.Granted granted = bounties.grant(
                            new Bounties.Grant(form.partnerId(), form.ruleId(), form.reason(), form.token()));
                    CommissionView c = granted.commission();
                    redirect.addFlashAttribute(
                            "flash",
                            granted.now()
                                    ? "Bounty of " + c.amount() + " granted to " + c.partnerName() + "."
                                    : "This bounty was granted already: the form was sent twice, and granted once.");
                    return "redirect:/app/commissions/" + c.id();
                },
                () -> pages.bounty(model));
    }
}
