package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutFiles;
import dev.canopy.payouts.PayoutRules;
import dev.canopy.payouts.PayoutRunPayments;
import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.Flash;
import dev.canopy.shared.ConflictException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Payout runs: what a run would pay now, starting one, and a run's phases (approve, export, mark paid). */
@Controller
@RequestMapping("/app/payouts")
class PayoutRunsController {

    private final PayoutRuns runs;
    private final PayoutRunPayments payments;
    private final PayoutFiles files;
    private final PayoutRules rules;
    private final CurrentWorkspace currentWorkspace;

    PayoutRunsController(
            PayoutRuns runs,
            PayoutRunPayments payments,
            PayoutFiles files,
            PayoutRules rules,
            CurrentWorkspace currentWorkspace) {
        this.runs = runs;
        this.payments = payments;
        this.files = files;
        this.rules = rules;
        this.currentWorkspace = currentWorkspace;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('payouts:read')")
    String overview(Model model) {
        List<PayoutRunView> history = runs.list();
        model.addAttribute("preview", runs.preview());
        model.addAttribute("runs", history);
        model.addAttribute(
                "open",
                history.stream().filter(r -> !r.status().closed()).findFirst().orElse(null));
        model.addAttribute("settings", rules.settings());
        return "payouts/runs";
    }

    @PostMapping("/runs")
    @PreAuthorize("hasAuthority('payouts:write')")
    String start(RedirectAttributes redirect) {
        try {
            PayoutRunView run = runs.start();
            redirect.addFlashAttribute("flash", run.reference() + " is ready: check its lines, then approve it.");
            return "redirect:/app/payouts/" + run.id();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/app/payouts";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('payouts:read')")
    String run(@PathVariable UUID id, Model model) {
        PayoutRunView run = runs.get(id);
        boolean exported = run.status() == PayoutRunStatus.EXPORTED || run.status() == PayoutRunStatus.PAID;
        model.addAttribute("run", run);
        model.addAttribute("lines", runs.lines(id));
        model.addAttribute("offers", exported ? files.offers(id) : List.of());
        model.addAttribute("missing", exported ? List.of() : files.missingDetails(id));
        model.addAttribute(
                "approvedFirstByMe",
                run.firstApprovedById() != null
                        && run.firstApprovedById()
                                .equals(currentWorkspace.actor().id()));
        model.addAttribute("settings", rules.settings());
        return "payouts/run";
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasAuthority('payouts:write')")
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> runs.resume(id).reference() + " is prepared.");
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('payouts:write')")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            PayoutRunView run = runs.approve(id);
            return run.status() == PayoutRunStatus.APPROVED
                    ? run.reference() + " is approved: export it to make the payment files."
                    : "Your approval is recorded: " + run.reference() + " needs a second approver.";
        });
    }

    @PostMapping("/{id}/export")
    @PreAuthorize("hasAuthority('payouts:write')")
    String export(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> payments.export(id).reference()
                        + " is exported: download the payment files, upload them to your bank or provider,"
                        + " then mark the run paid.");
    }

    @PostMapping("/{id}/paid")
    @PreAuthorize("hasAuthority('payouts:write')")
    String paid(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> payments.markPaid(id).reference() + " is paid; partners see their statements.");
    }

    private String act(UUID id, RedirectAttributes redirect, Supplier<String> action) {
        return Flash.after(redirect, "/app/payouts/" + id, action);
    }
}
