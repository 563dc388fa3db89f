package dev.canopy.identity.web;

import dev.canopy.identity.security.VendorUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the two sign-in pages (the forms post to Spring Security). */
@Controller
class PublicPagesController {

    @GetMapping("/")
    String index(@AuthenticationPrincipal Object principal) {
        return principal instanceof VendorUser ? "redirect:/app" : "public/index";
    }

    @GetMapping("/login")
    String login() {
        return "public/login";
    }

    @GetMapping("/portal/login")
    String portalLogin() {
        return "public/portal-login";
    }
}
