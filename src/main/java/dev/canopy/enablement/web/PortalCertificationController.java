package dev.canopy.enablement.web;

import dev.canopy.enablement.MyCertifications;
import dev.canopy.platform.BaseUrl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The portal's certifications: what the person holds (with its public verification link) and what they work on. */
@Controller
@RequestMapping("/portal/certifications")
@PreAuthorize("hasRole('PARTNER')")
class PortalCertificationController {

    private final MyCertifications mine;
    private final BaseUrl baseUrl;

    PortalCertificationController(MyCertifications mine, BaseUrl baseUrl) {
        this.mine = mine;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("standings", mine.mine());
        model.addAttribute("verifyBase", baseUrl.link("/verify/"));
        return "enablement/portal/certifications";
    }
}
