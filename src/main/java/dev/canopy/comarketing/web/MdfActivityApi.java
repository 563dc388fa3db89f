package dev.canopy.comarketing.web;

import dev.canopy.comarketing.ActivityReturn;
import dev.canopy.comarketing.ClaimStatus;
import dev.canopy.comarketing.FundClaimView;
import dev.canopy.comarketing.FundClaims;
import dev.canopy.comarketing.FundRequestStatus;
import dev.canopy.comarketing.FundRequestView;
import dev.canopy.comarketing.FundRequests;
import dev.canopy.comarketing.LineReview;
import dev.canopy.comarketing.MdfReturns;
import dev.canopy.platform.Pages;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market development funds through the API, the activity side: the requests partners make (approved, rejected or
 * extended here), their claims (reviewed here, line by line), the deal registrations counted for an activity and the
 * return on MDF. Partners request and claim in the portal; budgets: {@link MdfBudgetApi}.
 */
@RestController
@RequestMapping("/api/v1/mdf")
@Tag(
        name = "Market development funds",
        description = "Budgets per programme and period, allocated to partners or tiers (an amount, or an accrual on"
                + " attributed revenue with a cap); requests approved within the allocation and the budget (two people"
                + " above the budget's threshold); claims with receipts, reviewed line by line, reimbursed through the"
                + " next payout run.")
class MdfActivityApi {

    record FundApproval(
            @Schema(description = "What to approve; the planned cost when left out, never more") @Nullable
            String amount) {}

    record FundRejection(String reason) {}

    record ClaimDeadline(
            @Schema(format = "date", description = "The new claim deadline, after the current one")
            String claimDueOn) {}

    record ClaimLineReview(
            String lineId,

            @Schema(allowableValues = {"ACCEPTED", "REDUCED", "DENIED"})
            String decision,

            @Schema(description = "For REDUCED: the amount accepted, below the amount claimed") @Nullable
            String acceptedAmount,

            @Schema(description = "Required for REDUCED and DENIED") @Nullable
            String reason) {}

    record ClaimReview(List<ClaimLineReview> lines) {}

    record ReturnResponse(
            @Schema(description = "The activity (a request for funds); null in a sum") @Nullable
            UUID activityId,

            @Schema(description = "The activity, partner, tier or activity type")
            String label,

            @Nullable UUID partnerId,
            int activities,

            @Schema(description = "What the activities' claims were approved for")
            Money spend,

            @Schema(description = "Clicks on links tagged with the activity (utm_campaign)")
            long clicks,

            @Schema(description = "Leads of the customers those links brought, plus linked deal registrations")
            long leads,

            @Schema(description = "Linked deal registrations open or won")
            Money pipeline,

            @Schema(description = "Linked deals won, plus the net sales of the customers the links brought")
            Money won,

            @Nullable Money costPerLead,

            @Schema(description = "(won − spend) ÷ spend, as a decimal string; null without spend") @Nullable
            String roi) {

        static ReturnResponse of(ActivityReturn a) {
            return new ReturnResponse(
                    a.activityId(),
                    a.label(),
                    a.partnerId() == null ? null : a.partnerId().value(),
                    a.activities(),
                    a.spend(),
                    a.clicks(),
                    a.leads(),
                    a.pipeline(),
                    a.won(),
                    a.costPerLead(),
                    a.roi() == null ? null : a.roi().toPlainString());
        }
    }

    record ReturnsReport(
            List<ReturnResponse> activities,
            List<ReturnResponse> partners,
            List<ReturnResponse> tiers,
            List<ReturnResponse> activityTypes) {}

    record ActivityDeal(String dealId) {}

    record FundRequestList(
            List<FundRequestView> data, @Nullable String nextCursor) {}

    record ClaimList(List<FundClaimView> data, @Nullable String nextCursor) {}

    private final FundRequests requests;
    private final FundClaims claims;
    private final MdfReturns returns;

    MdfActivityApi(FundRequests requests, FundClaims claims, MdfReturns returns) {
        this.requests = requests;
        this.claims = claims;
        this.returns = returns;
    }

    @GetMapping("/requests")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "List requests for funds", description = "Newest first; of one status when given.")
    FundRequestList listFundRequests(
            @RequestParam(required = false) @Nullable FundRequestStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<FundRequestView> page = MdfBudgetApi.page(requests.list(status), FundRequestView::id, cursor, limit);
        return new FundRequestList(page.items(), page.nextCursor());
    }

    @GetMapping("/requests/{id}")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "Get a request for funds")
    FundRequestView getFundRequest(@PathVariable UUID id) {
        return requests.get(id);
    }

    @PostMapping("/requests/{id}/approve")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(
            summary = "Approve a request for funds",
            description = "Within the partner's allocation and the budget. Above the budget's threshold the first"
                    + " approval is recorded (the request stays SUBMITTED) and a different person approves it.")
    FundRequestView approveFundRequest(@PathVariable UUID id, @RequestBody FundApproval request) {
        return requests.approve(id, request.amount());
    }

    @PostMapping("/requests/{id}/reject")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(summary = "Reject a request for funds")
    FundRequestView rejectFundRequest(@PathVariable UUID id, @RequestBody FundRejection request) {
        return requests.reject(id, request.reason());
    }

    @PostMapping("/requests/{id}/extend")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(summary = "Extend an approved request's claim deadline")
    FundRequestView extendFundRequest(@PathVariable UUID id, @RequestBody ClaimDeadline request) {
        return requests.extend(id, request.claimDueOn());
    }

    @GetMapping("/claims")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "List claims", description = "Newest first; of one status when given.")
    ClaimList listClaims(
            @RequestParam(required = false) @Nullable ClaimStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<FundClaimView> page = MdfBudgetApi.page(claims.list(status), FundClaimView::id, cursor, limit);
        return new ClaimList(page.items(), page.nextCursor());
    }

    @GetMapping("/claims/{id}")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "Get a claim with its lines")
    FundClaimView getClaim(@PathVariable UUID id) {
        return claims.get(id);
    }

    @PostMapping("/claims/{id}/review")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(
            summary = "Review a claim",
            description = "A decision for every line. The accepted total may not exceed what the request approved;"
                    + " nothing accepted rejects the claim. An approved claim is posted in the ledger and paid through"
                    + " the next payout run.")
    FundClaimView reviewClaim(@PathVariable UUID id, @RequestBody ClaimReview request) {
        if (request.lines() == null) {
            throw new InvalidInputException("lines", "Decide on every line");
        }
        return claims.review(
                id,
                request.lines().stream()
                        .map(l -> new LineReview(l.lineId(), l.decision(), l.acceptedAmount(), l.reason()))
                        .toList());
    }

    @GetMapping("/returns")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(
            summary = "MDF ROI",
            description = "Every approved activity's spend against what its tagged links and linked deal registrations"
                    + " brought, and the same summed per partner, tier and activity type. Amounts in each budget's"
                    + " currency.")
    ReturnsReport getReturns() {
        MdfReturns.Report r = returns.report();
        return new ReturnsReport(
                r.activities().stream().map(ReturnResponse::of).toList(),
                r.partners().stream().map(ReturnResponse::of).toList(),
                r.tiers().stream().map(ReturnResponse::of).toList(),
                r.types().stream().map(ReturnResponse::of).toList());
    }

    @PostMapping("/requests/{id}/deals")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(
            summary = "Count a deal registration for an activity",
            description = "A deal registration of the activity's partner; a deal counts for one activity at most.")
    ReturnResponse linkDeal(@PathVariable UUID id, @RequestBody ActivityDeal request) {
        return ReturnResponse.of(returns.link(id, request.dealId()));
    }

    @DeleteMapping("/requests/{id}/deals/{dealId}")
    @PreAuthorize("hasAuthority('mdf:write')")
    @Operation(summary = "Stop counting a deal registration for an activity")
    ReturnResponse unlinkDeal(@PathVariable UUID id, @PathVariable UUID dealId) {
        return ReturnResponse.of(returns.unlink(id, dealId));
    }
}
