package dev.canopy.identity.web;

import dev.canopy.identity.Brand;
import dev.canopy.identity.Branding;
import dev.canopy.identity.security.PartnerUser;
import dev.canopy.identity.security.VendorUser;
import dev.canopy.platform.BaseUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;

/** What the layout needs on every page: who is signed in, whose brand to show, whether the demo mail sink is on. */
@ControllerAdvice
class ConsoleModelAdvice {

    private final boolean mailSinkEnabled;
    private final BaseUrl baseUrl;
    private final Branding branding;

    ConsoleModelAdvice(
            @Value("${canopy.mail.sink.enabled}") boolean mailSinkEnabled, BaseUrl baseUrl, Branding branding) {
        this.mailSinkEnabled = mailSinkEnabled;
        this.branding = branding;
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

    /**
     * The vendor's brand where partners look: the portal, and pages before sign-in that name the workspace — in
     * their path ({@code {workspaceSlug}}, the public programme pages) or as {@code ?workspace=slug}, as the
     * portal's sign-in and sign-out links carry it. Null elsewhere: Canopy's look.
     */
    @ModelAttribute("brand")
    Brand brand(
            @AuthenticationPrincipal Object principal,
            @RequestParam(name = "workspace", required = false) String slug,
            HttpServletRequest request) {
        if (principal instanceof PartnerUser user) {
            return branding.of(user.workspaceId());
        }
        if (principal instanceof VendorUser) {
            return null;
        }
        Object path = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String named =
                path instanceof Map<?, ?> variables && variables.get("workspaceSlug") instanceof String s ? s : slug;
        return branding.bySlug(named).orElse(null);
    }

    @ModelAttribute("mailSinkEnabled")
    boolean mailSinkEnabled() {
        return mailSinkEnabled;
    }
}
