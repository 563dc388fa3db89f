package dev.canopy.identity.web;

import dev.canopy.identity.security.PartnerUser;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.platform.BaseUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in, and whether the demo mail sink is on. */
@ControllerAdvice
class ConsoleModelAdvice {

    private final boolean mailSinkEnabled;
    private final BaseUrl baseUrl;

    ConsoleModelAdvice(@Value("${canopy.mail.sink.enabled}") boolean mailSinkEnabled, BaseUrl baseUrl) {
        this.mailSinkEnabled = mailSinkEnabled;
        this.baseUrl = baseUrl;
    }

    @ModelAttribute("baseUrl")
    String baseUrl() {
        return baseUrl.link("");
    }

    @ModelAttribute("me")
    VendorUser me(@AuthenticationPrincipal Object principal) {
        return principal instanceof VendorUser user ? user : null;
    }

    @ModelAttribute("partner")
    PartnerUser partner(@AuthenticationPrincipal Object principal) {
        return principal instanceof PartnerUser user ? user : null;
    }

    @ModelAttribute("mailSinkEnabled")
    boolean mailSinkEnabled() {
        return mailSinkEnabled;
    }
}
