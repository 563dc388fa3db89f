package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutRules;
import dev.canopy.payouts.PayoutRules.SettingsInput;
import dev.canopy.payouts.PayoutSettings;
import dev.canopy.platform.Forms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Payout settings: the schedule, the second-approval threshold and the vendor on self-billed invoices. */
@Controller
@RequestMapping("/app/payouts/settings")
class PayoutSettingsController {

    private final PayoutRules rules;

    PayoutSettingsController(PayoutRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('payouts:read')")
    String form(Model model) {
        PayoutSettings s = rules.settings();
        model.addAttribute(
                "form",
                new SettingsInput(
                        s.scheduled(),
                        String.valueOf(s.netDays()),
                        s.secondApprovalAbove().amount().toPlainString(),
                        s.secondApprovalAbove().currencyCode(),
                        s.separateDuties(),
                        s.legalName(),
                        s.address(),
                        s.gstin(),
                        s.taxCountry(),
                        s.holdWithoutPan() ? "HOLD" : "WITHHOLD_20"));
        return "payouts/settings";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('payouts:write')")
    String save(@ModelAttribute("form") SettingsInput form, BindingResult result, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    rules.save(form);
                    redirect.addFlashAttribute("flash", "Payout settings saved.");
                    return "redirect:/app/payouts/settings";
                },
                () -> "payouts/settings");
    }
}
