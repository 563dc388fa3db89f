package dev.canopy.programs.web;

import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.OfferCheck;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.RewardType;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.Ids;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
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

/** The programmes list and a programme's details, terms and members in the console. */
@Controller
@RequestMapping("/app/programs")
class ProgramsController {

    /** How many partners the Members tab offers to add at a time; typing narrows them. */
    static final int CANDIDATES = 8;

    record TermsForm(String body) {}

    private final Programs programs;
    private final Memberships memberships;
    private final ObjectProvider<OfferCheck> offerCheck;
    private final Tiers tiers;
    private final Workspaces workspaces;

    ProgramsController(
            Programs programs,
            Memberships memberships,
            Tiers tiers,
            Workspaces workspaces,
            ObjectProvider<OfferCheck> offerCheck) {
        this.programs = programs;
        this.offerCheck = offerCheck;
        this.memberships = memberships;
        this.tiers = tiers;
        this.workspaces = workspaces;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('programs:read')")
    String list(Model model) {
        model.addAttribute("summaries", programs.summaries());
        model.addAttribute("workspace", workspaces.current());
        return "programs/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('programs:write')")
    String newProgram(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProgramForm.blank(workspaces.current().currency()));
        }
        return choices(model, "programs/new");
    }

    @PostMapping
    @PreAuthorize("hasAuthority('programs:write')")
    String create(
            @ModelAttribute("form") ProgramForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    ProgramView created = programs.create(form.draft(false));
                    redirect.addFlashAttribute(
                            "flash",
                            created.name()
                                    + " is created. Next: publish its terms, shape the application form and add tiers.");
                    return "redirect:/app/programs/" + created.id();
                },
                () -> newProgram(model));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:read')")
    String details(@PathVariable UUID id, Model model) {
        ProgramView program = programs.get(new ProgramId(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProgramForm.of(program));
        }
        model.addAttribute("program", program);
        model.addAttribute("workspace", workspaces.current());
        OfferCheck check = offerCheck.getIfAvailable();
        model.addAttribute("offerDifferences", check == null ? List.of() : check.differences(program));
        return choices(model, "programs/details");
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('programs:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ProgramForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    programs.update(new ProgramId(id), form.draft(false));
                    redirect.addFlashAttribute("flash", "Programme saved.");
                    return "redirect:/app/programs/" + id;
                },
                () -> details(id, model));
    }

    @GetMapping("/{id}/terms")
    @PreAuthorize("hasAuthority('programs:read')")
    String terms(@PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(program));
        model.addAttribute("versions", programs.termsVersions(program));
        model.addAttribute("members", memberships.list(program, null));
        if (!model.containsAttribute("termsForm")) {
            model.addAttribute(
                    "termsForm",
                    new TermsForm(programs.termsVersions(program).stream()
                            .findFirst()
                            .map(v -> v.body())
                            .orElse("")));
        }
        return "programs/terms";
    }

    @PostMapping("/{id}/terms")
    @PreAuthorize("hasAuthority('programs:write')")
    String publishTerms(
            @PathVariable UUID id,
            @ModelAttribute("termsForm") TermsForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    var published = programs.publishTerms(new ProgramId(id), form.body());
                    redirect.addFlashAttribute(
                            "flash",
                            "Version " + published.version()
                                    + " is published. Every member is asked to accept it in the portal.");
                    return "redirect:/app/programs/" + id + "/terms";
                },
                () -> terms(id, model));
    }

    @GetMapping("/{id}/members")
    @PreAuthorize("hasAuthority('programs:read')")
    String members(@PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(program));
        List<MembershipView> members = memberships.list(program, null);
        model.addAttribute("members", members);
        model.addAttribute("partnerNames", names(members));
        model.addAttribute("history", tiers.history(program, null));
        model.addAttribute("ladder", tiers.tiers(program));
        model.addAttribute("candidates", memberships.candidates(program, null, CANDIDATES));
        model.addAttribute("query", "");
        return "programs/members";
    }

    /** The partners staff may add, as they type a name. */
    @GetMapping("/{id}/members/candidates")
    @PreAuthorize("hasAuthority('programs:write')")
    String candidates(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("candidates", memberships.candidates(new ProgramId(id), q, CANDIDATES));
        model.addAttribute("query", q == null ? "" : q.strip());
        return "programs/members :: candidates";
    }

    @PostMapping("/{id}/members")
    @PreAuthorize("hasAuthority('programs:write')")
    String addMember(
            @PathVariable UUID id,
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String tierId,
            RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/programs/" + id + "/members", () -> {
            MembershipView joined = memberships.enrol(
                    new ProgramId(id),
                    new PartnerId(Ids.required("partnerId", partnerId, "Choose a partner")),
                    tierId == null || tierId.isBlank() ? null : Ids.required("tierId", tierId, "Choose a tier"));
            return joined.partnerName() + " joined " + joined.programName()
                    + (joined.tierName() == null ? "" : " at " + joined.tierName())
                    + "; it finds its tracking link in the portal.";
        });
    }

    /** Partner names by id, for tier histories (which keep ids only). */
    static Map<PartnerId, String> names(List<MembershipView> members) {
        return members.stream()
                .collect(Collectors.toMap(MembershipView::partnerId, MembershipView::partnerName, (a, b) -> a));
    }

    private static String choices(Model model, String view) {
        model.addAttribute("partnerTypes", Arrays.asList(PartnerType.values()));
        model.addAttribute("rewardTypes", Arrays.asList(RewardType.values()));
        return view;
    }
}
