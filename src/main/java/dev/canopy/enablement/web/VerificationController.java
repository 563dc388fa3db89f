package dev.canopy.enablement.web;

import dev.canopy.enablement.Verification;
import dev.canopy.platform.BaseUrl;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** A certificate's public verification page, linked from the certificate; no sign-in. */
@Controller
class VerificationController {

    private final Verification verification;
    private final BaseUrl baseUrl;

    VerificationController(Verification verification, BaseUrl baseUrl) {
        this.verification = verification;
        this.baseUrl = baseUrl;
    }

    /** The Open Badges 2.0 assertion of the certificate (hosted verification: this address is its id). */
    @GetMapping(value = "/verify/{code}/badge.json", produces = "application/ld+json")
    @ResponseBody
    Map<String, Object> badge(@PathVariable String code) {
        return verification.badge(
                code, baseUrl.link("/verify/" + code + "/badge.json"), baseUrl.link("/verify/" + code));
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("verified", verification.verify(code));
        return "enablement/public/verify";
    }
}
