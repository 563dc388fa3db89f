package dev.canopy.commissions.web;

import dev.canopy.commissions.FraudRules;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Commissions held for fraud review (released or declined through the bulk moves) and the fraud rules. */
@Controller
@RequestMapping("/app/commissions/review")
class FraudReviewController {

    private final FraudRules fraud;
    private final CommissionPages pages;

    FraudReviewController(FraudRules fraud, CommissionPages pages) {
        this.fraud = fraud;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('commissions:read')")
    String review(
            @RequestParam(required = false) UUID after,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String view = pages.review(model, after);
        return htmx != null && after != null ? view + " :: rows" : view;
    }

    @PostMapping("/settings")
    @PreAuthorize("hasAuthority('commissions:write')")
    String saveSettings(
            @ModelAttribute("fraudForm") FraudForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    fraud.saveFraudSettings(form.draft());
                    redirect.addFlashAttribute(
                            "flash", "Fraud rules saved. They apply to commissions made from now on.");
                    return "redirect:/app/commissions/review";
                },
                () -> pages.review(model, null));
    }
}
