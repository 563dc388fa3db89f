package dev.canopy.comarketing.web;

import dev.canopy.comarketing.ClaimStatus;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestStatus;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.comarketing.LineDecision;
import dev.canopy.comarketing.LineReview;
import dev.canopy.comarketing.MdfReturns;
import dev.canopy.deals.Deals;
import dev.canopy.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
 * A request for funds as staff decide it: approve (two people above the budget's threshold) or reject, move an
 * approved request's claim deadline, and review its claim line by line with each receipt at hand.
 */
@Controller
@RequestMapping("/app/mdf")
class FundRequestsController {

    /** Blank approves the planned cost. */
    record ApproveForm(String amount) {}

    record RejectForm(String reason) {}

    record ExtendForm(String claimDueOn) {}

    /** Staff's decision on one claim line, posted as lines[i].… in the claim's order. */
    record LineForm(String lineId, String decision, String acceptedAmount, String reason) {

        LineReview review() {
            return new LineReview(lineId, decision, acceptedAmount, reason);
        }
    }

    record ReviewForm(List<LineForm> lines) {

        /** A row per line, each accepted in full until staff decide otherwise. */
        static ReviewForm of(@Nullable FundClaimView claim) {
            return new ReviewForm(
                    claim == null
                            ? List.of()
                            : claim.lines().stream()
                                    .map(l -> new LineForm(l.id().toString(), "ACCEPTED", "", ""))
                                    .toList());
        }

        List<LineReview> reviews() {
            return lines == null
                    ? List.of()
                    : lines.stream().map(LineForm::review).toList();
        }
    }

    private final FundRequests requests;
    private final FundClaims claims;
    private final Funds funds;
    private final MdfReturns returns;
    private final Deals deals;

    FundRequestsController(FundRequests requests, FundClaims claims, Funds funds, MdfReturns returns, Deals deals) {
        this.requests = requests;
        this.claims = claims;
        this.funds = funds;
        this.returns = returns;
        this.deals = deals;
    }

    /** MDF ROI: every approved activity, and the sums per partner, tier and activity type. */
    @GetMapping("/returns")
    @PreAuthorize("hasAuthority('mdf:read')")
    String returns(Model model) {
        model.addAttribute("report", returns.report());
        return "comarketing/returns";
    }

    @GetMapping("/requests/{id}")
    @PreAuthorize("hasAuthority('mdf:read')")
    String page(@PathVariable UUID id, Model model) {
        FundRequestView request = requests.get(id);
        FundClaimView claim = claims.ofRequest(id);
        model.addAttribute("request", request);
        model.addAttribute("budget", funds.get(request.budgetId()));
        model.addAttribute("balance", funds.balance(request.budgetId(), request.partnerId()));
        model.addAttribute("claim", claim);
        // A rejected claim no longer stands; what was denied and why stays in sight if the partner claims again.
        model.addAttribute(
                "rejectedClaims",
                claims.list(ClaimStatus.REJECTED).stream()
                        .filter(c -> c.requestId().equals(id))
                        .toList());
        model.addAttribute("decisions", LineDecision.values());
        if (!model.containsAttribute("approveForm")) {
            model.addAttribute(
                    "approveForm",
                    new ApproveForm(request.plannedCost().amount().toPlainString()));
        }
        if (!model.containsAttribute("rejectForm")) {
            model.addAttribute("rejectForm", new RejectForm(""));
        }
        if (!model.containsAttribute("extendForm")) {
            model.addAttribute(
                    "extendForm",
                    new ExtendForm(
                            request.claimDueOn() == null
                                    ? ""
                                    : request.claimDueOn().toString()));
        }
        if (!model.containsAttribute("reviewForm")) {
            model.addAttribute("reviewForm", ReviewForm.of(claim));
        }
        if (request.status() == FundRequestStatus.APPROVED) {
            ActivityResults.add(model, "/app/mdf", returns, deals, request);
        }
        return "comarketing/request";
    }

    @PostMapping("/requests/{id}/approve")
    @PreAuthorize("hasAuthority('mdf:write')")
    String approve(
            @PathVariable UUID id,
            @ModelAttribute("approveForm") ApproveForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide(id, result, model, response, redirect, () -> {
            FundRequestView r = requests.approve(id, form.amount());
            return r.status() == FundRequestStatus.APPROVED
                    ? r.reference() + " approved: the partner claims by " + r.claimDueOn() + "."
                    : "First approval recorded: someone other than you approves " + r.reference() + " too.";
        });
    }

    @PostMapping("/requests/{id}/reject")
    @PreAuthorize("hasAuthority('mdf:write')")
    String reject(
            @PathVariable UUID id,
            @ModelAttribute("rejectForm") RejectForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide(
                id,
                result,
                model,
                response,
                redirect,
                () -> requests.reject(id, form.reason()).reference() + " rejected.");
    }

    @PostMapping("/requests/{id}/extend")
    @PreAuthorize("hasAuthority('mdf:write')")
    String extend(
            @PathVariable UUID id,
            @ModelAttribute("extendForm") ExtendForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide(
                id,
                result,
                model,
                response,
                redirect,
                () -> "The claim is now due by "
                        + requests.extend(id, form.claimDueOn()).claimDueOn() + ".");
    }

    @PostMapping("/claims/{claimId}/review")
    @PreAuthorize("hasAuthority('mdf:write')")
    String review(
            @PathVariable UUID claimId,
            @ModelAttribute("reviewForm") ReviewForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        FundClaimView claim = claims.get(claimId);
        UUID request = claim.requestId();
        if (form.lines() == null || form.lines().size() != claim.lines().size()) {
            // Sent from an outdated or altered page: its rows cannot be shown beside the claim's lines.
            redirect.addFlashAttribute("flashError", "Decide on every line of the claim.");
            return "redirect:/app/mdf/requests/" + request;
        }
        return decide(request, result, model, response, redirect, () -> {
            FundClaimView reviewed = claims.review(claimId, form.reviews());
            return reviewed.approved() == null
                    ? "Claim rejected: nothing was accepted. The partner may claim again by the deadline."
                    : "Claim approved: " + reviewed.approved() + " is owed to " + reviewed.partnerName()
                            + " in the next payout run.";
        });
    }

    @PostMapping("/requests/{id}/deals")
    @PreAuthorize("hasAuthority('mdf:write')")
    String linkDeal(
            @PathVariable UUID id,
            @ModelAttribute("dealForm") ActivityResults.DealForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return decide(id, result, model, response, redirect, () -> {
            returns.link(id, form.dealId());
            return "The deal registration now counts for this activity.";
        });
    }

    @PostMapping("/requests/{id}/deals/{dealId}/remove")
    @PreAuthorize("hasAuthority('mdf:write')")
    String unlinkDeal(@PathVariable UUID id, @PathVariable UUID dealId, RedirectAttributes redirect) {
        returns.unlink(id, dealId);
        redirect.addFlashAttribute("flash", "The deal registration no longer counts for this activity.");
        return "redirect:/app/mdf/requests/" + id;
    }

    @GetMapping("/claims/{claimId}/lines/{lineId}/receipt")
    @PreAuthorize("hasAuthority('mdf:read')")
    ResponseEntity<Resource> receipt(@PathVariable UUID claimId, @PathVariable UUID lineId) {
        return Receipts.of(claims.receipt(claimId, lineId));
    }

    /** Runs a decision and goes back to the request, or shows the page again with the problem beside its field. */
    private String decide(
            UUID request,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Supplier<String> action) {
        return Forms.submit(
                result,
                response,
                () -> {
                    redirect.addFlashAttribute("flash", action.get());
                    return "redirect:/app/mdf/requests/" + request;
                },
                () -> page(request, model));
    }
}
