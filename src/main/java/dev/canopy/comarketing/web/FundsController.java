package dev.canopy.comarketing.web;

import dev.canopy.comarketing.AllocationInput;
import dev.canopy.comarketing.BudgetInput;
import dev.canopy.comarketing.BudgetView;
import dev.canopy.comarketing.ClaimStatus;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestStatus;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.Programs;
import dev.canopy.programs.Tiers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
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
 * Co-marketing → Market development funds: the budgets with the queue of requests and claims waiting for staff, a
 * new budget, and a budget's page with its allocations, every partner's balance and its requests.
 */
@Controller
@RequestMapping("/app/mdf")
class FundsController {

    /** The new budget form; blank claim days are the service's default (30). */
    record BudgetForm(
            String programId,
            String name,
            String startsOn,
            String endsOn,
            String currency,
            String amount,
            String claimDays,
            String secondApprovalAbove) {

        static BudgetForm blank() {
            return new BudgetForm(null, "", "", "", "EUR", "", "30", "");
        }

        BudgetInput input() {
            return new BudgetInput(programId, name, startsOn, endsOn, currency, amount, claimDays, secondApprovalAbove);
        }
    }

    /** An allocation to a partner of the budget's programme or to each partner of one of its tiers. */
    record AllocationForm(String partnerId, String tierId, String amount, String accrualPercent) {

        static AllocationForm blank() {
            return new AllocationForm("", "", "", "");
        }

        AllocationInput input() {
            return new AllocationInput(partnerId, tierId, amount, accrualPercent);
        }
    }

    /** Waiting requests first, then the newest. */
    private static final Comparator<FundRequestView> QUEUE = Comparator.comparing(
                    (FundRequestView r) -> r.status() != FundRequestStatus.SUBMITTED)
            .thenComparing(FundRequestView::submittedAt, Comparator.reverseOrder());

    private final Funds funds;
    private final FundRequests requests;
    private final FundClaims claims;
    private final Programs programs;
    private final Memberships memberships;
    private final Tiers tiers;

    FundsController(
            Funds funds,
            FundRequests requests,
            FundClaims claims,
            Programs programs,
            Memberships memberships,
            Tiers tiers) {
        this.funds = funds;
        this.requests = requests;
        this.claims = claims;
        this.programs = programs;
        this.memberships = memberships;
        this.tiers = tiers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('mdf:read')")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", BudgetForm.blank());
        }
        model.addAttribute("budgets", funds.list());
        model.addAttribute("programs", programs.list());
        model.addAttribute(
                "queue", requests.list(null).stream().sorted(QUEUE).limit(100).toList());
        model.addAttribute("claims", claims.list(ClaimStatus.SUBMITTED));
        return "comarketing/funds";
    }

    @PostMapping("/budgets")
    @PreAuthorize("hasAuthority('mdf:write')")
    String create(
            @ModelAttribute("form") BudgetForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    BudgetView created = funds.create(form.input());
                    redirect.addFlashAttribute(
                            "flash", "“" + created.name() + "” is ready: allocate it to partners or tiers.");
                    return "redirect:/app/mdf/budgets/" + created.id();
                },
                () -> list(model));
    }

    @GetMapping("/budgets/{id}")
    @PreAuthorize("hasAuthority('mdf:read')")
    String budget(@PathVariable UUID id, Model model) {
        BudgetView budget = funds.get(id);
        model.addAttribute("budget", budget);
        model.addAttribute("allocations", funds.allocations(id));
        model.addAttribute("balances", funds.balances(id));
        model.addAttribute("requests", requests.ofBudget(id));
        model.addAttribute("members", memberships.list(budget.programId(), null));
        model.addAttribute("tiers", tiers.tiers(budget.programId()));
        if (!model.containsAttribute("allocationForm")) {
            model.addAttribute("allocationForm", AllocationForm.blank());
        }
        return "comarketing/budget";
    }

    @PostMapping("/budgets/{id}/allocations")
    @PreAuthorize("hasAuthority('mdf:write')")
    String allocate(
            @PathVariable UUID id,
            @ModelAttribute("allocationForm") AllocationForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        funds.get(id);
        return Forms.submit(
                result,
                response,
                () -> {
                    funds.allocate(id, form.input());
                    redirect.addFlashAttribute("flash", "Allocated.");
                    return "redirect:/app/mdf/budgets/" + id;
                },
                () -> budget(id, model));
    }

    /** What was approved under the allocation stays approved; nothing more can be requested under it. */
    @PostMapping("/budgets/{id}/allocations/{allocation}/remove")
    @PreAuthorize("hasAuthority('mdf:write')")
    String remove(@PathVariable UUID id, @PathVariable UUID allocation, RedirectAttributes redirect) {
        funds.get(id);
        return Flash.after(redirect, "/app/mdf/budgets/" + id, () -> {
            funds.removeAllocation(allocation);
            return "Allocation removed: what was approved under it stays approved.";
        });
    }
}
