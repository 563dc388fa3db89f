package dev.canopy.payouts.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutDetails;
import dev.canopy.payouts.PayoutDetails.PayoutInput;
import dev.canopy.payouts.PayoutDetails.TaxInput;
import dev.canopy.payouts.PayoutProfile;
import dev.canopy.payouts.TaxProfile;
import dev.canopy.payouts.internal.PayoutMethod;
import dev.canopy.platform.Forms;
import java.util.Optional;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where the partner is paid and its tax details, kept by its partner admin; other users see them read-only. */
@Controller
@RequestMapping("/portal/payout-details")
@PreAuthorize("hasRole('PARTNER')")
class PortalPayoutDetailsController {

    private final PayoutDetails details;
    private final MessageSourceAccessor messages;

    PortalPayoutDetailsController(PayoutDetails details, MessageSourceAccessor messages) {
        this.details = details;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        PartnerId me = details.myPartner();
        Optional<PayoutProfile> payout = details.payout(me);
        Optional<TaxProfile> tax = details.tax(me);
        if (!model.containsAttribute("payoutForm")) {
            model.addAttribute(
                    "payoutForm",
                    payout.map(PortalPayoutDetailsController::form).orElse(blankPayout()));
        }
        if (!model.containsAttribute("taxForm")) {
            model.addAttribute(
                    "taxForm", tax.map(PortalPayoutDetailsController::form).orElse(blankTax()));
        }
        model.addAttribute("payout", payout.orElse(null));
        model.addAttribute("tax", tax.orElse(null));
        model.addAttribute("methods", PayoutMethod.values());
        return "payouts/portal/details";
    }

    @PostMapping("/payout")
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String savePayout(
            @ModelAttribute("payoutForm") PayoutInput form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    details.savePayout(details.myPartner(), form);
                    redirect.addFlashAttribute("flash", messages.getMessage("payouts.details.payoutSaved"));
                    return "redirect:/portal/payout-details";
                },
                () -> page(model));
    }

    @PostMapping("/tax")
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String saveTax(
            @ModelAttribute("taxForm") TaxInput form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    details.saveTax(details.myPartner(), form);
                    redirect.addFlashAttribute("flash", messages.getMessage("payouts.details.taxSaved"));
                    return "redirect:/portal/payout-details";
                },
                () -> page(model));
    }

    private static PayoutInput form(PayoutProfile p) {
        return new PayoutInput(
                p.method(),
                p.payeeName(),
                p.email(),
                p.iban(),
                p.bic(),
                p.accountNumber(),
                p.bankCode(),
                p.country(),
                p.payoutCurrency());
    }

    private static TaxInput form(TaxProfile t) {
        return new TaxInput(t.country(), t.legalName(), t.address(), t.pan(), t.gstin(), t.usForm(), t.taxId());
    }

    private static PayoutInput blankPayout() {
        return new PayoutInput("BANK", null, null, null, null, null, null, null, null);
    }

    private static TaxInput blankTax() {
        return new TaxInput(null, null, null, null, null, null, null);
    }
}
