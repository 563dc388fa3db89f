package dev.canopy.commissions.web;

import dev.canopy.commissions.Bounties;
import dev.canopy.commissions.CommissionFilter;
import dev.canopy.commissions.CommissionKind;
import dev.canopy.commissions.CommissionReview;
import dev.canopy.commissions.CommissionStatus;
import dev.canopy.commissions.CommissionView;
import dev.canopy.commissions.Commissions;
import dev.canopy.ledger.PostingView;
import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/commissions")
@Tag(
        name = "Commissions",
        description = "Commissions with their explanation; approve, decline, hold and release in bulk; grant bounties")
class CommissionsApi {

    /** Amounts as decimal strings in their currency, so no client turns them into binary floating point. */
    record CommissionResponse(
            String id,
            String partnerId,
            String partnerName,
            String programId,
            String programName,
            CommissionKind kind,
            CommissionStatus status,
            String amount,
            String currency,
            boolean payable,
            String explanation,
            @Nullable String ruleId,
            @Nullable String ruleName,
            @Nullable String baseAmount,
            @Nullable String baseCurrency,
            @Nullable String rate,
            @Nullable String exchangeRate,
            @Nullable LocalDate exchangeRateOn,
            String sourceId,
            String sourceKind,
            String sourceDescription,
            @Nullable String reverses,
            List<String> holdReasons,
            @Nullable String decidedBy,
            @Nullable String decisionNote,
            Instant holdUntil,
            Instant occurredAt,
            Instant createdAt,
            @Nullable List<PostingResponse> postings) {

        static CommissionResponse of(CommissionView c, List<PostingView> postings) {
            return new CommissionResponse(
                    c.id().toString(),
                    c.partner().toString(),
                    c.partnerName(),
                    c.program().toString(),
                    c.programName(),
                    c.kind(),
                    c.status(),
                    c.amount().amount().toPlainString(),
                    c.amount().currencyCode(),
                    c.payable(),
                    c.explanation(),
                    c.ruleId() == null ? null : c.ruleId().toString(),
                    c.ruleName(),
                    c.base() == null ? null : c.base().amount().toPlainString(),
                    c.base() == null ? null : c.base().currencyCode(),
                    c.rate() == null ? null : c.rate().stripTrailingZeros().toPlainString(),
                    c.fxRate() == null ? null : c.fxRate().stripTrailingZeros().toPlainString(),
                    c.fxOn(),
                    c.sourceId().toString(),
                    c.sourceKind(),
                    c.sourceDescription(),
                    c.reverses() == null ? null : c.reverses().toString(),
                    c.holdReasons(),
                    c.decidedBy(),
                    c.decisionNote(),
                    c.holdUntil(),
                    c.occurredAt(),
                    c.createdAt(),
                    postings == null
                            ? null
                            : postings.stream().map(PostingResponse::of).toList());
        }
    }

    record PostingResponse(
            @Schema(
                    description =
                            "The kind of ledger entry, such as commission-earned or payout-paid: new kinds may come")
            String kind,

            String memo,
            Instant occurredAt,
            String account,
            String amount,
            String currency) {

        static PostingResponse of(PostingView p) {
            return new PostingResponse(
                    p.kind(),
                    p.memo(),
                    p.occurredAt(),
                    p.account().name(),
                    p.amount().amount().toPlainString(),
                    p.amount().currencyCode());
        }
    }

    record CommissionList(
            List<CommissionResponse> data, @Nullable String nextCursor) {}

    record CommissionMoveRequest(List<UUID> ids, @Nullable String reason) {}

    record CommissionMoveResult(int requested, int moved) {}

    record BountyRequest(String partnerId, String ruleId, String reason) {}

    private final Commissions commissions;

    private final CommissionReview review;
    private final Bounties bounties;

    CommissionsApi(Commissions commissions, CommissionReview review, Bounties bounties) {
        this.commissions = commissions;
        this.review = review;
        this.bounties = bounties;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('commissions:read')")
    @Operation(
            summary = "List commissions, newest first",
            description = "Filter by status, partnerId and programId; cursor pagination: pass nextCursor as cursor.")
    CommissionList listCommissions(
            @RequestParam(required = false) CommissionStatus status,
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) UUID programId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Commissions.Page page = commissions.list(
                new CommissionFilter(
                        status,
                        partnerId == null ? null : new PartnerId(partnerId),
                        programId == null ? null : new ProgramId(programId),
                        cursor),
                limit);
        return new CommissionList(
                page.items().stream().map(c -> CommissionResponse.of(c, null)).toList(), page.next());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('commissions:read')")
    @Operation(summary = "One commission: its explanation (rule, base, rate, exchange rate) and its ledger postings")
    CommissionResponse getCommission(@PathVariable UUID id) {
        return CommissionResponse.of(commissions.get(id), commissions.postings(id));
    }

    @PostMapping("/approve")
    @PreAuthorize("hasAuthority('commissions:write')")
    @Operation(
            summary = "Approve pending or held commissions now",
            description = "Posts each to the partner's payable in the ledger. reason is an optional note. Answers how"
                    + " many moved; ids in another state are left as they are, an unknown id is 404 and moves none.")
    CommissionMoveResult approveCommissions(@RequestBody CommissionMoveRequest request) {
        return new CommissionMoveResult(size(request), review.approve(ids(request), request.reason()));
    }

    @PostMapping("/decline")
    @PreAuthorize("hasAuthority('commissions:write')")
    @Operation(
            summary = "Decline pending, held or approved commissions, with a reason",
            description = "An approved one is taken back out of the partner's payable. reason is required.")
    CommissionMoveResult declineCommissions(@RequestBody CommissionMoveRequest request) {
        return new CommissionMoveResult(size(request), review.decline(ids(request), request.reason()));
    }

    @PostMapping("/hold")
    @PreAuthorize("hasAuthority('commissions:write')")
    @Operation(summary = "Hold pending commissions for fraud review, with a reason (required)")
    CommissionMoveResult holdCommissions(@RequestBody CommissionMoveRequest request) {
        return new CommissionMoveResult(size(request), review.hold(ids(request), request.reason()));
    }

    @PostMapping("/release")
    @PreAuthorize("hasAuthority('commissions:write')")
    @Operation(
            summary = "Release held commissions back to pending",
            description = "Their hold period still runs before they are approved. reason is an optional note.")
    CommissionMoveResult releaseCommissions(@RequestBody CommissionMoveRequest request) {
        return new CommissionMoveResult(size(request), review.release(ids(request), request.reason()));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/bounties")
    @PreAuthorize("hasAuthority('commissions:write')")
    @Operation(
            summary = "Grant a partner a bounty, with a reason",
            description = "ruleId is an active BOUNTY rule of a programme the partner is in (and of its tier, when the"
                    + " rule names one); reason (required) says what for. Answers the pending commission: the rule's"
                    + " flat amount or the partner's tier's, capped per period. Honours an Idempotency-Key header, so a"
                    + " retried grant is granted once.")
    ResponseEntity<CommissionResponse> grantBounty(@RequestBody BountyRequest request) {
        Bounties.Granted granted =
                bounties.grant(new Bounties.Grant(request.partnerId(), request.ruleId(), request.reason(), null));
        return ResponseEntity.created(
                        URI.create("/api/v1/commissions/" + granted.commission().id()))
                .body(CommissionResponse.of(granted.commission(), null));
    }

    private static List<UUID> ids(CommissionMoveRequest request) {
        return request.ids() == null ? List.of() : request.ids();
    }

    private static int size(CommissionMoveRequest request) {
        return ids(request).size();
    }
}
