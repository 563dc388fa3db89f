package dev.canopy.landingpages.web;

import dev.canopy.identity.Workspaces;
import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.LandingPages;
import dev.canopy.landingpages.PageInput;
import dev.canopy.landingpages.PageView;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Forms;
import dev.canopy.platform.QrCodes;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The partner's landing page in the portal: its public address (with a QR code) and lead count, and for its admins
 * the template, the switch, its text, contact and logo. Its other people see it.
 */
@Controller
@RequestMapping("/portal/pages")
@PreAuthorize("hasRole('PARTNER')")
class PortalLandingPageController {

    record PageForm(String templateId, boolean enabled, String text, String contactEmail, String contactPhone) {

        static PageForm of(PageView p) {
            return new PageForm(
                    p.templateId() == null ? "" : p.templateId().toString(),
                    p.enabled(),
                    orEmpty(p.text()),
                    orEmpty(p.contactEmail()),
                    orEmpty(p.contactPhone()));
        }

        PageInput input() {
            return new PageInput(templateId, enabled, text, contactEmail, contactPhone);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    private final LandingPages pages;
    private final LandingPageTemplates templates;
    private final Workspaces workspaces;
    private final BaseUrl baseUrl;
    private final MessageSourceAccessor messages;

    PortalLandingPageController(
            LandingPages pages,
            LandingPageTemplates templates,
            Workspaces workspaces,
            BaseUrl baseUrl,
            MessageSourceAccessor messages) {
        this.pages = pages;
        this.templates = templates;
        this.workspaces = workspaces;
        this.baseUrl = baseUrl;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        PageView mine = pages.mine();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PageForm.of(mine));
        }
        String url = baseUrl.link(UriComponentsBuilder.fromPath("/p/{ws}/{page}")
                .buildAndExpand(workspaces.current().slug(), mine.slug())
                .encode()
                .toUriString());
        model.addAttribute("page", mine);
        model.addAttribute("templates", templates.published());
        model.addAttribute("publicUrl", url);
        model.addAttribute("qr", mine.live() ? QrCodes.svg(url) : null);
        model.addAttribute("saveUrl", "/portal/pages");
        model.addAttribute("logoUrl", "/portal/pages/logo");
        return "landingpages/portal/page";
    }

    @PostMapping
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String save(
            @ModelAttribute("form") PageForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    PageView saved = pages.saveMine(form.input());
                    redirect.addFlashAttribute(
                            "flash",
                            messages.getMessage(
                                    saved.live() ? "landingpages.portal.savedLive" : "landingpages.portal.saved"));
                    return "redirect:/portal/pages";
                },
                () -> page(model));
    }

    @PostMapping("/logo")
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String logo(
            @RequestParam(required = false) MultipartFile logo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            pages.uploadLogo(logo == null ? new byte[0] : logo.getBytes());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("logoProblem", e.problems().getFirst().message());
            return page(model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("landingpages.portal.logoSaved"));
        return "redirect:/portal/pages";
    }
}
