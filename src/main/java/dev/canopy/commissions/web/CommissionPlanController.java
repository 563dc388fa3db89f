package dev.canopy.commissions.web;

import dev.canopy.commissions.CapPeriod;
import dev.canopy.commissions.CommissionBasis;
import dev.canopy.commissions.CommissionDuration;
import dev.canopy.commissions.CommissionEvent;
import dev.canopy.commissions.CommissionPlan;
import dev.canopy.commissions.CommissionPlans;
import dev.canopy.commissions.CommissionRule;
import dev.canopy.commissions.RuleDraft;
import dev.canopy.platform.Forms;
import dev.canopy.programs.OfferCheck;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ProgramView;
import dev.canopy.programs.Programs;
import dev.canopy.programs.TierView;
import dev.canopy.programs.Tiers;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

/** A programme's commission plan: its rules, a rule's editor (one override per tier) and the payout minimum. */
@Controller
@RequestMapping("/app/programs/{programId}/commissions")
class CommissionPlanController {

    record MinimumForm(String payoutMinimum) {}

    private static final String TIER_RATES = "tierRates[";

    private final CommissionPlans plans;
    private final OfferCheck offerCheck;
    private final Programs programs;
    private final Tiers tiers;

    CommissionPlanController(CommissionPlans plans, Programs programs, Tiers tiers, OfferCheck offerCheck) {
        this.plans = plans;
        this.offerCheck = offerCheck;
        this.programs = programs;
        this.tiers = tiers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('commissions:read')")
    String plan(@PathVariable UUID programId, Model model) {
        return page(model, new ProgramId(programId), null);
    }

    @GetMapping("/rules/{ruleId}")
    @PreAuthorize("hasAuthority('commissions:read')")
    String edit(@PathVariable UUID programId, @PathVariable UUID ruleId, Model model) {
        ProgramId program = new ProgramId(programId);
        CommissionRule rule = plans.rule(program, ruleId);
        model.addAttribute("form", RuleDraft.of(rule));
        return page(model, program, rule);
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('commissions:write')")
    String add(
            @PathVariable UUID programId,
            @ModelAttribute("form") RuleDraft form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProgramId program = new ProgramId(programId);
        try {
            CommissionRule rule = plans.addRule(program, form);
            redirect.addFlashAttribute("flash", "“" + rule.name() + "” is added. It prices what happens from now on.");
            return "redirect:/app/programs/" + programId + "/commissions";
        } catch (InvalidInputException e) {
            return invalid(e, result, response, model, program, null);
        }
    }

    @PostMapping("/rules/{ruleId}")
    @PreAuthorize("hasAuthority('commissions:write')")
    String update(
            @PathVariable UUID programId,
            @PathVariable UUID ruleId,
            @ModelAttribute("form") RuleDraft form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProgramId program = new ProgramId(programId);
        CommissionRule before = plans.rule(program, ruleId);
        try {
            CommissionRule rule = plans.updateRule(program, ruleId, form);
            redirect.addFlashAttribute(
                    "flash", "“" + rule.name() + "” is saved. Commissions already made keep the rate they locked.");
            return "redirect:/app/programs/" + programId + "/commissions";
        } catch (InvalidInputException e) {
            return invalid(e, result, response, model, program, before);
        }
    }

    @PostMapping("/rules/{ruleId}/active")
    @PreAuthorize("hasAuthority('commissions:write')")
    String setActive(
            @PathVariable UUID programId,
            @PathVariable UUID ruleId,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        ProgramId program = new ProgramId(programId);
        plans.setActive(program, ruleId, active);
        String name = plans.rule(program, ruleId).name();
        redirect.addFlashAttribute(
                "flash",
                "“" + name + "” is " + (active ? "on again." : "off: it prices nothing new until you enable it."));
        return "redirect:/app/programs/" + programId + "/commissions";
    }

    @PostMapping("/payout-minimum")
    @PreAuthorize("hasAuthority('commissions:write')")
    String payoutMinimum(
            @PathVariable UUID programId,
            @ModelAttribute("minimumForm") MinimumForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ProgramId program = new ProgramId(programId);
        try {
            plans.setPayoutMinimum(program, form.payoutMinimum());
            redirect.addFlashAttribute("flash", "Payout minimum saved.");
            return "redirect:/app/programs/" + programId + "/commissions";
        } catch (InvalidInputException e) {
            return invalid(e, result, response, model, program, null);
        }
    }

    private String invalid(
            InvalidInputException e,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            ProgramId program,
            CommissionRule editing) {
        // Tier overrides are keyed by tier id, which a form's field path cannot name: shown beside each input.
        Map<String, String> tierErrors = new HashMap<>();
        List<InvalidInputException.FieldProblem> others = new ArrayList<>();
        for (InvalidInputException.FieldProblem p : e.problems()) {
            if (p.field().startsWith(TIER_RATES) && p.field().endsWith("]")) {
                tierErrors.put(
                        p.field().substring(TIER_RATES.length(), p.field().length() - 1), p.message());
            } else {
                others.add(p);
            }
        }
        if (!others.isEmpty()) {
            Forms.reject(result, new InvalidInputException(others));
        }
        model.addAttribute("tierErrors", tierErrors);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, program, editing);
    }

    private String page(Model model, ProgramId program, CommissionRule editing) {
        CommissionPlan plan = plans.plan(program);
        List<TierView> programTiers = tiers.tiers(program);
        ProgramView view = programs.get(program);
        model.addAttribute("program", view);
        model.addAttribute("offerDifferences", offerCheck.differences(view));
        model.addAttribute("plan", plan);
        model.addAttribute("rows", RuleRow.of(plan.rules(), programTiers, plan.currency()));
        model.addAttribute("tiers", programTiers);
        model.addAttribute("editing", editing);
        model.addAttribute("events", Arrays.asList(CommissionEvent.values()));
        model.addAttribute("bases", Arrays.asList(CommissionBasis.values()));
        model.addAttribute("durations", Arrays.asList(CommissionDuration.values()));
        model.addAttribute("capPeriods", Arrays.asList(CapPeriod.values()));
        if (!model.containsAttribute("tierErrors")) {
            model.addAttribute("tierErrors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RuleDraft.blank());
        }
        if (!model.containsAttribute("minimumForm")) {
            model.addAttribute(
                    "minimumForm", new MinimumForm(plan.payoutMinimum().amount().toPlainString()));
        }
        return "commissions/plan";
    }
}
