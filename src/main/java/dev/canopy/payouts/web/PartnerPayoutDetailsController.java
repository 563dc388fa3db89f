package dev.canopy.payouts.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.PayoutDetails;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's payout and tax details as staff see them on the partner page (loaded there by htmx): read-only,
 * the account masked. Partners keep their own details in the portal.
 */
@Controller
class PartnerPayoutDetailsController {

    private final Partners partners;
    private final PayoutDetails details;

    PartnerPayoutDetailsController(Partners partners, PayoutDetails details) {
        this.partners = partners;
        this.details = details;
    }

    @GetMapping("/app/partners/{id}/payout-details")
    @PreAuthorize("hasAuthority('payouts:read')")
    String details(@PathVariable UUID id, Model model) {
        PartnerId partner = partners.get(new PartnerId(id)).id();
        model.addAttribute("payout", details.payout(partner).orElse(null));
        model.addAttribute("tax", details.tax(partner).orElse(null));
        model.addAttribute("staff", true);
        return "payouts/fragments :: details";
    }
}
