package dev.canopy.partners.web;

import dev.canopy.partners.NewPartner;
import dev.canopy.partners.PartnerDirectory;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerPage;
import dev.canopy.partners.PartnerProfile;
import dev.canopy.partners.PartnerSearch;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerTiers;
import dev.canopy.partners.PartnerType;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.shared.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner directory of the console: find, add and edit partner companies, and move them on. */
@Controller
@RequestMapping("/app/partners")
class PartnersController {

    static final int PAGE_SIZE = 50;

    record NewPartnerForm(
            String name,
            String website,
            List<String> types,
            String regions,
            String verticals,
            String size,
            String contactName,
            String contactEmail,
            List<String> placements) {

        NewPartnerForm {
            placements = placements == null ? List.of() : placements;
        }

        /** A blank form; the workspace's only programme is chosen already, as that is where the partner goes. */
        static NewPartnerForm empty(List<PartnerTiers.Programme> programmes) {
            return new NewPartnerForm(
                    "",
                    "",
                    List.of(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    programmes.size() == 1 ? List.of(programmes.getFirst().id()) : List.of());
        }

        /** Each chosen programme: "programme id" joins at the tier earned, "programme id:tier id" at that tier. */
        List<PartnerDirectory.Placement> chosenPlacements() {
            return placements.stream()
                    .filter(p -> p != null && !p.isBlank())
                    .map(p -> {
                        int colon = p.indexOf(':');
                        return colon < 0
                                ? new PartnerDirectory.Placement(p.strip(), null)
                                : new PartnerDirectory.Placement(
                                        p.substring(0, colon).strip(), p.substring(colon + 1));
                    })
                    .toList();
        }
    }

    record StatusForm(String status, String reason) {}

    record ContactForm(String name, String email, String phone, String title, Boolean primary) {}

    private final Partners partners;
    private final PartnerDirectory directory;

    PartnersController(Partners partners, PartnerDirectory directory) {
        this.partners = partners;
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('partners:read')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "false") boolean dormant,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String after,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        PartnerSearch search = new PartnerSearch(
                q,
                parse(PartnerType.class, type),
                parse(PartnerStatus.class, status),
                region,
                dormant,
                after,
                PAGE_SIZE);
        PartnerPage page = partners.search(directory.atTier(search, tier));
        model.addAttribute("page", page);
        model.addAttribute("search", search);
        model.addAttribute("tier", tier);
        model.addAttribute("tiers", directory.tiers());
        model.addAttribute("tierLabels", directory.tierLabels(page.partners()));
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("statuses", PartnerStatus.values());
        model.addAttribute("regions", partners.regions());
        model.addAttribute("dormancyDays", partners.dormancyDays());
        return htmx != null && after != null ? "partners/list :: rows" : "partners/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('partners:write')")
    String newForm(Model model) {
        model.addAttribute("form", NewPartnerForm.empty(directory.programmes()));
        return newPage(model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('partners:write')")
    String create(
            @ModelAttribute("form") NewPartnerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    List<PartnerDirectory.Placement> placements = form.chosenPlacements();
                    PartnerView created = directory.invite(
                            new NewPartner(
                                    form.name(),
                                    form.website(),
                                    PartnerType.parseAll("types", form.types()),
                                    PartnerProfile.splitList(form.regions()),
                                    PartnerProfile.splitList(form.verticals()),
                                    form.size(),
                                    form.contactName(),
                                    form.contactEmail()),
                            placements);
                    redirect.addFlashAttribute(
                            "flash",
                            created.name() + " added"
                                    + (placements.isEmpty()
                                            ? ""
                                            : " to " + placements.size()
                                                    + (placements.size() == 1 ? " programme" : " programmes"))
                                    + "; " + form.contactEmail().strip() + " is invited to the partner portal.");
                    return "redirect:/app/partners/" + created.id();
                },
                () -> newPage(model));
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('partners:write')")
    String editForm(@PathVariable UUID id, Model model) {
        PartnerView partner = partners.get(new PartnerId(id));
        model.addAttribute("partner", partner);
        model.addAttribute("form", PartnerForms.ProfileForm.of(partner));
        return editPage(model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('partners:write')")
    String edit(
            @PathVariable UUID id,
            @ModelAttribute("form") PartnerForms.ProfileForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PartnerView partner = partners.get(new PartnerId(id));
        return Forms.submit(
                result,
                () -> {
                    partners.updateProfile(partner.id(), form.toProfile());
                    redirect.addFlashAttribute("flash", "Profile saved.");
                    return "redirect:/app/partners/" + id;
                },
                () -> {
                    model.addAttribute("partner", partner);
                    return editPage(model);
                });
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('partners:write')")
    String changeStatus(@PathVariable UUID id, StatusForm form, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/partners/" + id, () -> {
            PartnerView after = partners.changeStatus(new PartnerId(id), parseRequired(form.status()), form.reason());
            return after.name() + " is now " + after.status().label().toLowerCase() + ".";
        });
    }

    @PostMapping("/{id}/contacts")
    @PreAuthorize("hasAuthority('partners:write')")
    String addContact(@PathVariable UUID id, ContactForm form, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/partners/" + id, () -> {
            partners.addContact(
                    new PartnerId(id),
                    form.name(),
                    form.email(),
                    form.phone(),
                    form.title(),
                    Boolean.TRUE.equals(form.primary()));
            return "Contact added.";
        });
    }

    @PostMapping("/{id}/contacts/{contactId}/remove")
    @PreAuthorize("hasAuthority('partners:write')")
    String removeContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
        partners.removeContact(new PartnerId(id), contactId);
        redirect.addFlashAttribute("flash", "Contact removed.");
        return "redirect:/app/partners/" + id;
    }

    @PostMapping("/settings")
    @PreAuthorize("hasAuthority('partners:write')")
    String settings(@RequestParam(required = false) Integer dormancyDays, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/partners", () -> {
            partners.setDormancyDays(dormancyDays);
            return "Partners with no activity for " + dormancyDays + " days now count as dormant.";
        });
    }

    private String newPage(Model model) {
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("programmes", directory.programmes());
        return "partners/new";
    }

    private String editPage(Model model) {
        model.addAttribute("types", PartnerType.values());
        return "partners/edit";
    }

    private static PartnerStatus parseRequired(String status) {
        PartnerStatus parsed = parse(PartnerStatus.class, status);
        if (parsed == null) {
            throw new InvalidInputException("status", "Choose the new status");
        }
        return parsed;
    }

    /** A filter value; unknown ones count as no filter, a bad link should not fail the page. */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
