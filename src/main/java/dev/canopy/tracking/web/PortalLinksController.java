package dev.canopy.tracking.web;

import dev.canopy.platform.Forms;
import dev.canopy.tracking.LinkDraft;
import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.Links;
import dev.canopy.tracking.TrackingSettings;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's links in the portal: its personal link per programme, its own links, QR codes. */
@Controller
@RequestMapping("/portal/links")
@PreAuthorize("hasRole('PARTNER')")
class PortalLinksController {

    private final Links links;
    private final TrackingSettings settings;
    private final MessageSourceAccessor messages;

    PortalLinksController(Links links, TrackingSettings settings, MessageSourceAccessor messages) {
        this.links = links;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("links", links.mine());
        model.addAttribute("programmes", links.programmesFor(null));
        model.addAttribute("domains", settings.allowedDomainsForPartners());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkDraft(null, null, "", "", "", "", "", "", ""));
        }
        return "tracking/portal-links";
    }

    @PostMapping
    String create(
            @ModelAttribute("form") LinkDraft form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    redirect.addFlashAttribute("flash", messages.getMessage("tracking.links.created", new Object[] {
                        links.create(form).url()
                    }));
                    return "redirect:/portal/links";
                },
                () -> mine(model));
    }

    @GetMapping(path = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> png(@PathVariable UUID id) {
        return QrResponses.png(links, new LinkId(id));
    }

    @GetMapping(path = "/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> svg(@PathVariable UUID id) {
        return QrResponses.svg(links, new LinkId(id));
    }
}
