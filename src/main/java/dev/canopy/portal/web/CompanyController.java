package dev.canopy.portal.web;

import dev.canopy.identity.PartnerAccess;
import dev.canopy.identity.PartnerRole;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.shared.PartnerScoped;
import java.util.List;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
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

/** The partner's own company in the portal: its profile and its users; partner admins change both. */
@Controller
@RequestMapping("/portal/company")
class CompanyController {

    record ProfileForm(
            String name, String website, List<String> types, String regions, String verticals, String size) {}

    record InviteForm(String email, String displayName, String role) {}

    private final Partners partners;
    private final PartnerAccess access;
    private final CurrentWorkspace currentWorkspace;
    private final MessageSourceAccessor messages;

    CompanyController(
            Partners partners,
            PartnerAccess access,
            CurrentWorkspace currentWorkspace,
            MessageSourceAccessor messages) {
        this.partners = partners;
        this.access = access;
        this.currentWorkspace = currentWorkspace;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        PartnerView company = partners.get(ownCompany());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ProfileForm(
                            company.name(),
                            company.website() == null ? "" : company.website(),
                            company.types().stream().map(Enum::name).toList(),
                            String.join(", ", company.regions()),
                            String.join(", ", company.verticals()),
                            company.size() == null ? "" : company.size()));
        }
        model.addAttribute("company", company);
        model.addAttribute("users", access.users(company.id().value()));
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("partnerRoles", PartnerRole.values());
        return "portal/company";
    }

    @PostMapping
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String save(
            @ModelAttribute("form") ProfileForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    partners.updateProfile(
                            ownCompany(),
                            new PartnerProfile(
                                    form.name(),
                                    form.website(),
                                    PartnerType.parseAll("types", form.types()),
                                    PartnerProfile.splitList(form.regions()),
                                    PartnerProfile.splitList(form.verticals()),
                                    form.size()));
                    redirect.addFlashAttribute("flash", messages.getMessage("portal.company.saved"));
                    return "redirect:/portal/company";
                },
                () -> page(model));
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String invite(InviteForm form, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/company", () -> {
            access.inviteColleague(form.email(), form.displayName(), form.role());
            return messages.getMessage(
                    "portal.company.invitedFlash", new Object[] {form.email().strip()});
        });
    }

    @PostMapping("/users/{userId}/remove")
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String remove(@PathVariable UUID userId, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/company", () -> {
            access.remove(userId);
            return messages.getMessage("portal.company.removed");
        });
    }

    private PartnerId ownCompany() {
        return new PartnerId(((PartnerScoped) currentWorkspace.principal().orElseThrow()).partnerId());
    }
}
