package dev.canopy.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The partner portal's home. Programmes, links, deals and earnings arrive with their modules. */
@Controller
class PortalHomeController {

    @GetMapping("/portal")
    String home() {
        return "portal/home";
    }
}
