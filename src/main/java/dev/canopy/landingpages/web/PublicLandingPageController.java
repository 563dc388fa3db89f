package dev.canopy.landingpages.web;

import dev.canopy.landingpages.LeadInput;
import dev.canopy.landingpages.PublicLandingPages;
import dev.canopy.landingpages.RenderedPage;
import dev.canopy.landingpages.internal.TooManyLeads;
import dev.canopy.platform.ClientAddress;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A partner's landing page for people who are not signed in, its logo and its form. The tracking link's redirect
 * brings the visitor here with the click's id ({@code cnp_click}, as tracking names it); the form carries it back.
 */
@Controller
@RequestMapping("/p/{workspaceSlug}/{pageSlug}")
class PublicLandingPageController {

    /** The click parameter the tracking link's redirect adds to its destination. */
    static final String CLICK_PARAMETER = "cnp_click";

    /** The honeypot: a field people never see and bots fill in; answered like any other, nothing stored. */
    static final String HONEYPOT = "homepage";

    /** The form: {@code token} is given with it, so the same form sent twice is one lead. */
    record LeadForm(String token, String name, String email, String company, String message, String click) {

        static LeadForm blank(String click) {
            return new LeadForm(UUID.randomUUID().toString(), "", "", "", "", click == null ? "" : click);
        }

        LeadInput input() {
            return new LeadInput(token, name, email, company, message, click);
        }
    }

    private final PublicLandingPages pages;

    PublicLandingPageController(PublicLandingPages pages) {
        this.pages = pages;
    }

    @GetMapping
    String page(
            @PathVariable String workspaceSlug,
            @PathVariable String pageSlug,
            @RequestParam(name = CLICK_PARAMETER, required = false) String click,
            @RequestParam(required = false) String sent,
            Model model) {
        model.addAttribute("form", LeadForm.blank(click));
        model.addAttribute("sent", sent != null);
        return page(workspaceSlug, pageSlug, model);
    }

    @PostMapping("/leads")
    String lead(
            @PathVariable String workspaceSlug,
            @PathVariable String pageSlug,
            @ModelAttribute("form") LeadForm form,
            BindingResult result,
            @RequestParam(name = HONEYPOT, required = false) String trap,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String sent = UriComponentsBuilder.fromPath("/p/{ws}/{page}")
                .queryParam("sent")
                .buildAndExpand(workspaceSlug, pageSlug)
                .encode()
                .toUriString();
        String again = page(workspaceSlug, pageSlug, model);
        if (trap != null && !trap.isBlank()) {
            return "redirect:" + sent;
        }
        model.addAttribute("sent", false);
        try {
            return Forms.submit(
                    result,
                    response,
                    () -> {
                        pages.lead(
                                workspaceSlug,
                                pageSlug,
                                form.input(),
                                ClientAddress.anonymize(request.getRemoteAddr()));
                        return "redirect:" + sent + "#contact";
                    },
                    () -> again);
        } catch (TooManyLeads e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(PublicLandingPages.RATE_WINDOW.toSeconds()));
            model.addAttribute("tooMany", true);
            return again;
        }
    }

    @GetMapping("/logo")
    ResponseEntity<byte[]> logo(@PathVariable String workspaceSlug, @PathVariable String pageSlug) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .body(pages.logo(workspaceSlug, pageSlug));
    }

    private String page(String workspaceSlug, String pageSlug, Model model) {
        String logo = UriComponentsBuilder.fromPath("/p/{ws}/{page}/logo")
                .buildAndExpand(workspaceSlug, pageSlug)
                .encode()
                .toUriString();
        RenderedPage page = pages.page(workspaceSlug, pageSlug, logo);
        model.addAttribute("landing", page);
        model.addAttribute("workspaceSlug", workspaceSlug);
        model.addAttribute(
                "leadsUrl",
                UriComponentsBuilder.fromPath("/p/{ws}/{page}/leads")
                        .buildAndExpand(workspaceSlug, pageSlug)
                        .encode()
                        .toUriString());
        return "landingpages/public/page";
    }
}
