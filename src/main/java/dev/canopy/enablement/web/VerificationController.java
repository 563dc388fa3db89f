package dev.canopy.enablement.web;

import dev.canopy.enablement.Verification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A certificate's public verification page, linked from the certificate; no sign-in. */
@Controller
class VerificationController {

    private final Verification verification;

    VerificationController(Verification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("verified", verification.verify(code));
        return "enablement/public/verify";
    }
}
