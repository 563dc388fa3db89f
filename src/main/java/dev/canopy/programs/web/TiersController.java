package dev.canopy.programs.web;

import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.programs.Evaluation;
import dev.canopy.programs.MembershipView;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierMetric;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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

/** A programme's tiers in the console: the ladder, the tier editor with its what-if simulation, evaluation. */
@Controller
@RequestMapping("/app/programs/{id}")
class TiersController {

    private final Programs programs;
    private final Tiers tiers;
    private final Memberships memberships;

    TiersController(Programs programs, Tiers tiers, Memberships memberships) {
        this.programs = programs;
        this.tiers = tiers;
        this.memberships = memberships;
    }

    @GetMapping("/tiers")
    @PreAuthorize("hasAuthority('programs:read')")
    String page(@PathVariable UUID id, Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(program));
        model.addAttribute("tiers", tiers.tiers(program));
        List<MembershipView> members = memberships.list(program, null);
        model.addAttribute(
                "tierCounts",
                members.stream()
                        .filter(m -> m.tierId() != null)
                        .collect(Collectors.groupingBy(MembershipView::tierId, Collectors.counting())));
        model.addAttribute("partnerNames", ProgramsController.names(members));
        model.addAttribute(
                "history", tiers.history(program, null).stream().limit(10).toList());
        model.addAttribute("metrics", Arrays.asList(TierMetric.values()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TierForm.blank());
        }
        return "programs/tiers";
    }

    @PostMapping("/tiers")
    @PreAuthorize("hasAuthority('programs:write')")
    String add(
            @PathVariable UUID id,
            @ModelAttribute("form") TierForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    TierView added = tiers.addTier(new ProgramId(id), form.draft());
                    redirect.addFlashAttribute("flash", added.name() + " added at the top of the ladder.");
                    return "redirect:/app/programs/" + id + "/tiers";
                },
                () -> page(id, model));
    }

    @GetMapping("/tiers/{tierId}")
    @PreAuthorize("hasAuthority('programs:read')")
    String editor(@PathVariable UUID id, @PathVariable UUID tierId, Model model) {
        ProgramId program = new ProgramId(id);
        TierView tier = tiers.tier(program, tierId);
        model.addAttribute("program", programs.get(program));
        model.addAttribute("tier", tier);
        model.addAttribute("metrics", Arrays.asList(TierMetric.values()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TierForm.of(tier));
        }
        return "programs/tier";
    }

    @PostMapping("/tiers/{tierId}")
    @PreAuthorize("hasAuthority('programs:write')")
    String save(
            @PathVariable UUID id,
            @PathVariable UUID tierId,
            @ModelAttribute("form") TierForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                () -> {
                    TierView saved = tiers.updateTier(new ProgramId(id), tierId, form.draft());
                    redirect.addFlashAttribute(
                            "flash",
                            saved.name()
                                    + " saved. The new rule applies at the next evaluation; evaluate now to apply it at once.");
                    return "redirect:/app/programs/" + id + "/tiers";
                },
                () -> editor(id, tierId, model));
    }

    /** htmx: the partners the draft rule would move; nothing is stored. */
    @PostMapping("/tiers/{tierId}/simulate")
    @PreAuthorize("hasAuthority('programs:read')")
    String simulate(@PathVariable UUID id, @PathVariable UUID tierId, TierForm form, Model model) {
        ProgramId program = new ProgramId(id);
        model.addAttribute("program", programs.get(program));
        try {
            model.addAttribute("movers", tiers.simulate(program, tierId, form.draft()));
        } catch (InvalidInputException e) {
            model.addAttribute("movers", List.of());
            model.addAttribute("problems", e.problems());
        }
        return "programs/tier :: movers";
    }

    @PostMapping("/tiers/{tierId}/remove")
    @PreAuthorize("hasAuthority('programs:write')")
    String remove(@PathVariable UUID id, @PathVariable UUID tierId, RedirectAttributes redirect) {
        return Flash.after(redirect, "/app/programs/" + id + "/tiers", () -> {
            tiers.removeTier(new ProgramId(id), tierId);
            return "Tier removed.";
        });
    }

    @PostMapping("/evaluate")
    @PreAuthorize("hasAuthority('programs:write')")
    String evaluate(@PathVariable UUID id, RedirectAttributes redirect) {
        Evaluation evaluation = tiers.evaluate(new ProgramId(id));
        redirect.addFlashAttribute(
                "flash",
                "Evaluated " + evaluation.members() + " members: " + evaluation.promoted() + " promoted, "
                        + evaluation.demoted() + " demoted.");
        return "redirect:/app/programs/" + id + "/tiers";
    }
}
