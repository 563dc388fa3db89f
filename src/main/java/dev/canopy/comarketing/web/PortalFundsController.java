package dev.canopy.comarketing.web;

import dev.canopy.comarketing.ActivityType;
import dev.canopy.comarketing.ClaimLineInput;
import dev.canopy.comarketing.ClaimStatus;
import dev.canopy.comarketing.FundBalance;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestInput;
import dev.canopy.comarketing.FundRequestStatus;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.Funds;
import dev.canopy.comarketing.MdfReturns;
import dev.canopy.deals.Deals;
import dev.canopy.enablement.Upload;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Forms;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.MessageSourceAccessor;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's marketing funds in the portal: its balances per budget, a request for an activity, and a request's
 * page where it is withdrawn while waiting, claimed with receipts once approved (or its deadline asked to move), and
 * the claim's review read line by line.
 */
@Controller
@RequestMapping("/portal/funds")
@PreAuthorize("hasRole('PARTNER')")
class PortalFundsController {

    /** Lines offered on the claim form; a claim of more lines is sent in one go by the API. */
    static final int CLAIM_LINES = 5;

    record RequestForm(
            String budgetId,
            String activityType,
            String title,
            String description,
            String startsOn,
            String endsOn,
            String plannedCost,
            String expectedLeads) {

        static RequestForm blank() {
            return new RequestForm(null, "EVENT", "", "", "", "", "", "");
        }

        FundRequestInput input() {
            return new FundRequestInput(
                    budgetId, activityType, title, description, startsOn, endsOn, plannedCost, expectedLeads);
        }
    }

    record ClaimLineForm(
            String description, String amount, @Nullable MultipartFile receipt) {

        boolean empty() {
            return (description == null || description.isBlank())
                    && (amount == null || amount.isBlank())
                    && (receipt == null || receipt.isEmpty());
        }

        ClaimLineInput input() {
            return new ClaimLineInput(
                    description, amount, receipt == null || receipt.isEmpty() ? null : new Received(receipt));
        }
    }

    /** The claim form's lines; those left empty are ignored. */
    record ClaimForm(List<ClaimLineForm> lines) {

        static ClaimForm blank() {
            return new ClaimForm(IntStream.range(0, CLAIM_LINES)
                    .mapToObj(i -> new ClaimLineForm("", "", null))
                    .toList());
        }

        /** The positions of the lines filled in. */
        List<Integer> filled() {
            List<Integer> filled = new ArrayList<>();
            for (int i = 0; lines != null && i < lines.size(); i++) {
                if (!lines.get(i).empty()) {
                    filled.add(i);
                }
            }
            return filled;
        }
    }

    record ExtensionForm(String reason) {}

    /** An uploaded receipt, read as the service stores it. */
    private record Received(MultipartFile file) implements Upload {
        @Override
        public String fileName() {
            return file.getOriginalFilename() == null ? "receipt" : file.getOriginalFilename();
        }

        @Override
        public InputStream open() throws IOException {
            return file.getInputStream();
        }
    }

    private static final Pattern LINE = Pattern.compile("lines\\[(\\d+)](.*)");

    private final Funds funds;
    private final FundRequests requests;
    private final FundClaims claims;
    private final MdfReturns returns;
    private final Deals deals;
    private final Clock clock;
    private final MessageSourceAccessor messages;

    PortalFundsController(
            Funds funds,
            FundRequests requests,
            FundClaims claims,
            MdfReturns returns,
            Deals deals,
            Clock clock,
            MessageSourceAccessor messages) {
        this.funds = funds;
        this.requests = requests;
        this.claims = claims;
        this.returns = returns;
        this.deals = deals;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping
    String mine(Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<FundBalance> balances = funds.mine();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RequestForm.blank());
        }
        model.addAttribute("balances", balances);
        model.addAttribute(
                "open",
                balances.stream().filter(b -> !today.isAfter(b.endsOn())).toList());
        model.addAttribute("requests", requests.list(null));
        // A request claimed shows where its claim stands instead of the deadline it met.
        model.addAttribute(
                "claimsByRequest",
                claims.list(null).stream()
                        .filter(c -> c.status() != ClaimStatus.REJECTED)
                        .collect(Collectors.toMap(FundClaimView::requestId, c -> c, (a, b) -> a)));
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("today", today);
        return "comarketing/portal/funds";
    }

    @PostMapping
    String request(
            @ModelAttribute("form") RequestForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    FundRequestView r = requests.submit(form.input());
                    redirect.addFlashAttribute(
                            "flash", messages.getMessage("comarketing.request.sent", new Object[] {r.reference()}));
                    return "redirect:/portal/funds/requests/" + r.id();
                },
                () -> mine(model));
    }

    @GetMapping("/requests/{id}")
    String page(@PathVariable UUID id, Model model) {
        FundRequestView request = requests.get(id);
        model.addAttribute("request", request);
        model.addAttribute("claim", claims.ofRequest(id));
        // A rejected claim no longer stands, but its reasons say what to claim again.
        model.addAttribute(
                "rejectedClaims",
                claims.list(ClaimStatus.REJECTED).stream()
                        .filter(c -> c.requestId().equals(id))
                        .toList());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (!model.containsAttribute("claimForm")) {
            model.addAttribute("claimForm", ClaimForm.blank());
        }
        if (!model.containsAttribute("extensionForm")) {
            model.addAttribute("extensionForm", new ExtensionForm(""));
        }
        if (request.status() == FundRequestStatus.APPROVED) {
            ActivityResults.add(model, "/portal/funds", returns, deals, request);
        }
        return "comarketing/portal/request";
    }

    @PostMapping("/requests/{id}/deals")
    String linkDeal(
            @PathVariable UUID id,
            @ModelAttribute("dealForm") ActivityResults.DealForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    returns.link(id, form.dealId());
                    redirect.addFlashAttribute("flash", messages.getMessage("comarketing.results.counted"));
                    return "redirect:/portal/funds/requests/" + id;
                },
                () -> page(id, model));
    }

    @PostMapping("/requests/{id}/deals/{dealId}/remove")
    String unlinkDeal(@PathVariable UUID id, @PathVariable UUID dealId, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/funds/requests/" + id, () -> {
            returns.unlink(id, dealId);
            return messages.getMessage("comarketing.results.removed");
        });
    }

    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/funds/requests/" + id, () -> {
            requests.cancel(id);
            return messages.getMessage("comarketing.request.cancelled");
        });
    }

    /**
     * The claim of the lines filled in, each problem put back beside the line it was typed on (the service numbers
     * the lines it was given). The receipts are chosen again after a refusal: a browser never keeps them.
     */
    @PostMapping("/requests/{id}/claim")
    String claim(
            @PathVariable UUID id,
            @ModelAttribute("claimForm") ClaimForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.lines() == null || form.lines().contains(null)) {
            // Sent from an altered page (lines missing between others): it cannot be shown again line by line.
            redirect.addFlashAttribute("flashError", messages.getMessage("comarketing.claim.again"));
            return "redirect:/portal/funds/requests/" + id;
        }
        List<Integer> filled = form.filled();
        return Forms.submit(
                result,
                response,
                () -> {
                    try {
                        claims.submit(
                                id,
                                filled.stream()
                                        .map(i -> form.lines().get(i).input())
                                        .toList());
                    } catch (InvalidInputException e) {
                        throw asTyped(e, filled);
                    }
                    redirect.addFlashAttribute("flash", messages.getMessage("comarketing.claim.sent"));
                    return "redirect:/portal/funds/requests/" + id;
                },
                () -> page(id, model));
    }

    @PostMapping("/requests/{id}/extension")
    String askExtension(
            @PathVariable UUID id,
            @ModelAttribute("extensionForm") ExtensionForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    requests.askExtension(id, form.reason());
                    redirect.addFlashAttribute("flash", messages.getMessage("comarketing.extension.sent"));
                    return "redirect:/portal/funds/requests/" + id;
                },
                () -> page(id, model));
    }

    @GetMapping("/claims/{claimId}/lines/{lineId}/receipt")
    ResponseEntity<Resource> receipt(@PathVariable UUID claimId, @PathVariable UUID lineId) {
        return Receipts.of(claims.receipt(claimId, lineId));
    }

    /** "lines[0].amount" of the lines sent is the form's "lines[2].amount" when the first two were left empty. */
    private static InvalidInputException asTyped(InvalidInputException e, List<Integer> filled) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> {
                    Matcher m = p.field() == null ? null : LINE.matcher(p.field());
                    if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= filled.size()) {
                        return p;
                    }
                    return new InvalidInputException.FieldProblem(
                            "lines[" + filled.get(Integer.parseInt(m.group(1))) + "]" + m.group(2), p.message());
                })
                .toList());
    }
}
