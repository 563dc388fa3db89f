package dev.canopy.enablement.web;

import dev.canopy.enablement.AudienceChoices;
import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.CertificationInput;
import dev.canopy.enablement.CertificationView;
import dev.canopy.enablement.Certifications;
import dev.canopy.enablement.ContentLibrary;
import dev.canopy.enablement.Courses;
import dev.canopy.enablement.RequirementInput;
import dev.canopy.enablement.RequirementView;
import dev.canopy.enablement.Requirements;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Enablement → Certifications: the list and a new one (its courses and validity), a certification's holders with
 * their states, a certificate awarded for a completion elsewhere, and revoked.
 */
@Controller
@RequestMapping("/app/certifications")
class CertificationController {

    /** The new certification form. */
    record CertificationForm(String name, String description, List<String> courseIds, String validMonths) {

        CertificationInput input() {
            return new CertificationInput(name, description, courseIds, validMonths);
        }
    }

    /** The requirement form; a tier's programme is the tier's own, whatever the programme field says. */
    record RequirementForm(String minPeople, String subject, String programId, String tierId, String assetId) {

        static RequirementForm blank() {
            return new RequirementForm("1", "DEAL_REGISTRATION", null, null, null);
        }

        RequirementInput input(UUID certification) {
            return new RequirementInput(
                    "TIER".equals(subject) ? null : programId,
                    certification.toString(),
                    minPeople,
                    subject,
                    tierId,
                    assetId);
        }
    }

    private final Certifications certifications;
    private final Requirements requirements;
    private final Courses courses;
    private final ContentLibrary library;

    CertificationController(
            Certifications certifications, Requirements requirements, Courses courses, ContentLibrary library) {
        this.certifications = certifications;
        this.requirements = requirements;
        this.courses = courses;
        this.library = library;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('content:read')")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CertificationForm("", "", List.of(), "24"));
        }
        model.addAttribute("certifications", certifications.list());
        model.addAttribute("courses", courses.list(false));
        return "enablement/certifications";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('content:write')")
    String create(
            @ModelAttribute("form") CertificationForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    CertificationView created = certifications.create(form.input());
                    redirect.addFlashAttribute(
                            "flash", "“" + created.name() + "” is earned by completing its courses from now on.");
                    return "redirect:/app/certifications/" + created.id();
                },
                () -> list(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('content:read')")
    String page(@PathVariable UUID id, @RequestParam(required = false) UUID partner, Model model) {
        CertificationView certification = certifications.get(id);
        model.addAttribute("certification", certification);
        model.addAttribute("holders", certifications.holders(id));
        model.addAttribute(
                "courseTitles",
                certification.courseIds().stream()
                        .map(c -> courses.get(c).title())
                        .toList());
        AudienceChoices choices = library.audienceChoices();
        model.addAttribute("choices", choices);
        model.addAttribute("partners", choices.partners());
        model.addAttribute("requirements", requirements.ofCertification(id));
        if (!model.containsAttribute("requirementForm")) {
            model.addAttribute("requirementForm", RequirementForm.blank());
        }
        model.addAttribute("assets", library.find(null, null, false).assets());
        model.addAttribute("partner", partner);
        model.addAttribute("people", partner == null ? List.of() : certifications.people(new PartnerId(partner)));
        return "enablement/certification";
    }

    @PostMapping("/{id}/awards")
    @PreAuthorize("hasAuthority('content:write')")
    String award(
            @PathVariable UUID id,
            @RequestParam UUID partner,
            @RequestParam UUID person,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String earnedOn,
            RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/certifications/" + id, () -> {
            CertificateView awarded = certifications.award(id, partner, person, reason, earnedOn);
            return "Awarded to " + awarded.person() + ".";
        });
    }

    /** A requirement this certification meets: N people for deal registration, a tier or an asset. */
    @PostMapping("/{id}/requirements")
    @PreAuthorize("hasAuthority('content:write')")
    String require(
            @PathVariable UUID id,
            @ModelAttribute("requirementForm") RequirementForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        certifications.get(id);
        return Forms.submit(
                result,
                response,
                () -> {
                    RequirementView added = requirements.create(form.input(id));
                    redirect.addFlashAttribute("flash", "Required in " + added.programName() + ".");
                    return "redirect:/app/certifications/" + id;
                },
                () -> page(id, null, model));
    }

    @PostMapping("/requirements/{id}/remove")
    @PreAuthorize("hasAuthority('content:write')")
    String removeRequirement(@PathVariable UUID id, @RequestParam UUID certification, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/certifications/" + certification, () -> {
            requirements.remove(id);
            return "Requirement removed.";
        });
    }

    @PostMapping("/certificates/{id}/revoke")
    @PreAuthorize("hasAuthority('content:write')")
    String revoke(
            @PathVariable UUID id,
            @RequestParam UUID certification,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/certifications/" + certification, () -> {
            CertificateView revoked = certifications.revoke(id, reason);
            return "Revoked: " + revoked.person() + " no longer counts as certified.";
        });
    }
}
