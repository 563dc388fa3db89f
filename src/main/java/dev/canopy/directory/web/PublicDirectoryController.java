package dev.canopy.directory.web;

import dev.canopy.directory.ContactInput;
import dev.canopy.directory.DirectoryEntry;
import dev.canopy.directory.DirectoryQuery;
import dev.canopy.directory.PublicDirectory;
import dev.canopy.directory.internal.TooManyContacts;
import dev.canopy.platform.ClientAddress;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
 * The public directory for people who are not signed in: the list with its filters (a GET form, so it works
 * without script; htmx swaps the results as filters change), a partner's profile and its contact form.
 */
@Controller
@RequestMapping("/directory/{workspaceSlug}")
class PublicDirectoryController {

    /** The contact form: {@code token} is given with the form, so the same form sent twice is one request. */
    record ContactForm(String token, String name, String email, String company, String message) {

        static ContactForm blank() {
            return new ContactForm(UUID.randomUUID().toString(), "", "", "", "");
        }

        ContactInput input() {
            return new ContactInput(token, name, email, company, message);
        }
    }

    /**
     * The honeypot: a field people never see and bots fill in. A request with it is answered like any other, so the
     * bot learns nothing, and nothing is stored.
     */
    static final String HONEYPOT = "homepage";

    private final PublicDirectory directory;

    PublicDirectoryController(PublicDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(@PathVariable String workspaceSlug, @ModelAttribute("query") DirectoryQuery query, Model model) {
        model.addAttribute("page", directory.page(workspaceSlug, query));
        return "directory/public/list";
    }

    @GetMapping("/{partnerSlug}")
    String profile(
            @PathVariable String workspaceSlug,
            @PathVariable String partnerSlug,
            @RequestParam(required = false) String sent,
            Model model) {
        model.addAttribute("form", ContactForm.blank());
        model.addAttribute("sent", sent != null);
        return profile(directory.profile(workspaceSlug, partnerSlug), workspaceSlug, model);
    }

    @PostMapping("/{partnerSlug}/contact")
    String contact(
            @PathVariable String workspaceSlug,
            @PathVariable String partnerSlug,
            @ModelAttribute("form") ContactForm form,
            BindingResult result,
            @RequestParam(name = HONEYPOT, required = false) String trap,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String sent = UriComponentsBuilder.fromPath("/directory/{ws}/{partner}")
                .queryParam("sent")
                .buildAndExpand(workspaceSlug, partnerSlug)
                .encode()
                .toUriString();
        DirectoryEntry partner = directory.profile(workspaceSlug, partnerSlug);
        if (trap != null && !trap.isBlank()) {
            return "redirect:" + sent;
        }
        model.addAttribute("sent", false);
        try {
            return Forms.submit(
                    result,
                    response,
                    () -> {
                        directory.contact(
                                workspaceSlug,
                                partnerSlug,
                                form.input(),
                                ClientAddress.anonymize(request.getRemoteAddr()));
                        return "redirect:" + sent;
                    },
                    () -> profile(partner, workspaceSlug, model));
        } catch (TooManyContacts e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(PublicDirectory.RATE_WINDOW.toSeconds()));
            model.addAttribute("tooMany", true);
            return profile(partner, workspaceSlug, model);
        }
    }

    private static String profile(DirectoryEntry partner, String workspaceSlug, Model model) {
        model.addAttribute("listing", partner);
        model.addAttribute("workspaceSlug", workspaceSlug);
        return "directory/public/profile";
    }
}
