package dev.canopy.landingpages.web;

import dev.canopy.landingpages.LandingPageTemplates;
import dev.canopy.landingpages.LandingPages;
import dev.canopy.landingpages.TemplateInput;
import dev.canopy.landingpages.TemplateView;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
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

/**
 * Co-marketing → Landing pages: the vendor's templates and the partners' pages with their leads, a new template, and
 * a template's editor with its live preview (htmx posts the form as it is typed) and publishing.
 */
@Controller
@RequestMapping("/app/landing-pages")
class LandingPagesController {

    /** A template as the editor types it: the sections in one text area (see {@link SectionsText}). */
    record TemplateForm(String name, String headline, String sections, String ctaLabel) {

        static TemplateForm blank() {
            return new TemplateForm(
                    "",
                    "{{partner.name}} and Northwind, together",
                    "## Who we are\n\n{{partner.logo}}\n\n{{partner.text}}\n\n## Talk to us\n\n{{partner.contact}}",
                    "Talk to {{partner.name}}");
        }

        static TemplateForm of(TemplateView t) {
            return new TemplateForm(t.name(), t.headline(), SectionsText.format(t.sections()), t.ctaLabel());
        }

        TemplateInput input() {
            return new TemplateInput(name, headline, SectionsText.parse(sections), ctaLabel);
        }
    }

    private final LandingPageTemplates templates;
    private final LandingPages pages;
    private final BaseUrl baseUrl;

    LandingPagesController(LandingPageTemplates templates, LandingPages pages, BaseUrl baseUrl) {
        this.templates = templates;
        this.pages = pages;
        this.baseUrl = baseUrl;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('pages:read')")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TemplateForm.blank());
        }
        model.addAttribute("templates", templates.list());
        model.addAttribute("pages", pages.list());
        model.addAttribute("publicBase", baseUrl.link("/p/"));
        return "landingpages/templates";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('pages:write')")
    String create(
            @ModelAttribute("form") TemplateForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    TemplateView created = save(() -> templates.create(form.input()));
                    redirect.addFlashAttribute(
                            "flash", "“" + created.name() + "” is saved: check the preview, then publish it.");
                    return "redirect:/app/landing-pages/" + created.id();
                },
                () -> list(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('pages:read')")
    String template(@PathVariable UUID id, Model model) {
        TemplateView template = templates.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TemplateForm.of(template));
        }
        model.addAttribute("template", template);
        model.addAttribute("fields", LandingPageTemplates.mergeFields());
        model.addAttribute(
                "preview", templates.preview(TemplateForm.of(template).input()));
        return "landingpages/template";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('pages:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") TemplateForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        templates.get(id);
        return Forms.submit(
                result,
                response,
                () -> {
                    save(() -> templates.update(id, form.input()));
                    redirect.addFlashAttribute("flash", "Template saved.");
                    return "redirect:/app/landing-pages/" + id;
                },
                () -> template(id, model));
    }

    /** The editor's live preview: the form as typed, with the sample partner, or what is wrong with it. */
    @PostMapping("/preview")
    @PreAuthorize("hasAuthority('pages:read')")
    String preview(@ModelAttribute("form") TemplateForm form, Model model) {
        try {
            model.addAttribute("preview", templates.preview(form.input()));
        } catch (InvalidInputException e) {
            model.addAttribute("previewProblem", "Fill in the name, headline and call to action to see the page.");
        }
        return "landingpages/template :: preview";
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAuthority('pages:write')")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/landing-pages/" + id, () -> {
            templates.publish(id, true);
            return "Published: partners can choose it for their pages.";
        });
    }

    @PostMapping("/{id}/unpublish")
    @PreAuthorize("hasAuthority('pages:write')")
    String unpublish(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/landing-pages/" + id, () -> {
            templates.publish(id, false);
            return "Withdrawn: pages on this template are offline until you publish it again.";
        });
    }

    private static TemplateView save(java.util.function.Supplier<TemplateView> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            throw SectionsText.onTextArea(e);
        }
    }
}
