package dev.canopy.directory.web;

import dev.canopy.directory.Directory;
import dev.canopy.directory.DirectoryEntry;
import dev.canopy.directory.ListingProfile;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's directory listing in the portal: whether its company is listed, its public profile, and the
 * requests prospects sent it. The partner's admins change the listing; its other people see it.
 */
@Controller
@RequestMapping("/portal/directory")
@PreAuthorize("hasRole('PARTNER')")
class PortalDirectoryController {

    /** Services, industries and regions are typed comma-separated, as on the company profile. */
    record ListingForm(
            boolean optedIn,
            String description,
            String website,
            String contactEmail,
            String services,
            String industries,
            String regions) {

        static ListingForm of(DirectoryEntry e) {
            return new ListingForm(
                    e.optedIn(),
                    orEmpty(e.description()),
                    orEmpty(e.website()),
                    orEmpty(e.contactEmail()),
                    String.join(", ", e.services()),
                    String.join(", ", e.industries()),
                    String.join(", ", e.regions()));
        }

        ListingProfile profile() {
            return new ListingProfile(
                    description,
                    website,
                    contactEmail,
                    PartnerProfile.splitList(services),
                    PartnerProfile.splitList(industries),
                    PartnerProfile.splitList(regions));
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    private final Directory directory;
    private final Workspaces workspaces;
    private final MessageSourceAccessor messages;

    PortalDirectoryController(Directory directory, Workspaces workspaces, MessageSourceAccessor messages) {
        this.directory = directory;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        DirectoryEntry mine = directory.mine();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ListingForm.of(mine));
        }
        model.addAttribute("listing", mine);
        model.addAttribute("directoryOn", directory.enabled());
        model.addAttribute("workspaceSlug", workspaces.current().slug());
        model.addAttribute("requests", directory.myRequests());
        return "directory/portal/listing";
    }

    @PostMapping
    @PreAuthorize("hasRole('PARTNER_ADMIN')")
    String save(
            @ModelAttribute("form") ListingForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    directory.saveMine(form.optedIn(), form.profile());
                    redirect.addFlashAttribute(
                            "flash",
                            messages.getMessage(
                                    form.optedIn()
                                            ? "directory.portal.savedListed"
                                            : "directory.portal.savedUnlisted"));
                    return "redirect:/portal/directory";
                },
                () -> page(model));
    }
}
