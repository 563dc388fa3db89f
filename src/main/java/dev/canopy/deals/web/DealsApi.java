package dev.canopy.deals.web;

import dev.canopy.deals.DealConflict;
import dev.canopy.deals.DealOutcomes;
import dev.canopy.deals.DealPage;
import dev.canopy.deals.DealQuery;
import dev.canopy.deals.DealStage;
import dev.canopy.deals.DealStatus;
import dev.canopy.deals.DealView;
import dev.canopy.deals.Deals;
import dev.canopy.deals.Sourcing;
import dev.canopy.deals.SourcingEvidence;
import dev.canopy.partners.PartnerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals", description = "Deal registrations: conflicts, review, protection, stages, won and lost")
class DealsApi {

    record DealResponse(
            String id,
            String partnerId,
            String partnerName,
            String programId,
            String programName,
            String accountName,
            String website,
            String domain,
            String contactName,
            String contactEmail,
            String amount,
            String currency,
            List<String> products,
            LocalDate expectedClose,
            @Nullable String notes,
            @Nullable String industry,
            DealStatus status,
            DealStage stage,
            Instant submittedAt,
            Instant reviewDueAt,
            boolean overdue,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            @Nullable Instant protectedUntil,
            int extensionsUsed,
            @Nullable Instant closedAt,
            @Nullable String lostReason,
            @Nullable Sourcing sourcing,
            @Nullable SourcingEvidence sourcingEvidence,
            boolean sourcingOverridden,
            @Nullable String sourcingReason,
            int conflictCount,
            @Nullable List<DealConflict> conflicts) {

        static DealResponse of(DealView d, List<DealConflict> conflicts, Instant now) {
            return new DealResponse(
                    d.id().toString(),
                    d.partnerId().toString(),
                    d.partnerName(),
                    d.programId().toString(),
                    d.programName(),
                    d.accountName(),
                    d.website(),
                    d.domain(),
                    d.contactName(),
                    d.contactEmail(),
                    d.amount().amount().toPlainString(),
                    d.amount().currencyCode(),
                    d.products(),
                    d.expectedClose(),
                    d.notes(),
                    d.industry(),
                    d.status(),
                    d.stage(),
                    d.submittedAt(),
                    d.reviewDueAt(),
                    d.overdue(now),
                    d.decidedAt(),
                    d.decidedBy(),
                    d.decisionReason(),
                    d.protectedUntil(),
                    d.extensionsUsed(),
                    d.closedAt(),
                    d.lostReason(),
                    d.sourcing(),
                    d.sourcingEvidence(),
                    d.sourcingOverridden(),
                    d.sourcingReason(),
                    d.conflicts(),
                    conflicts);
        }
    }

    record DealList(List<DealResponse> data, @Nullable String nextCursor) {}

    record DealReasonRequest(String reason) {}

    record DealStageRequest(
            @Schema(implementation = DealStage.class) String stage) {}

    record DealWonRequest(
            @Schema(description = "The contract value in the deal's currency, a decimal string") @Nullable
            String amount,

            @Schema(format = "date") @Nullable String opportunityOpenedOn) {}

    record DealSourcingRequest(
            @Schema(implementation = Sourcing.class) String sourcing, String reason) {}

    private final Deals deals;
    private final DealOutcomes outcomes;
    private final java.time.Clock clock;

    DealsApi(Deals deals, DealOutcomes outcomes, java.time.Clock clock) {
        this.deals = deals;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(
            summary = "List deal registrations, newest first",
            description = "Filter by status and partnerId; cursor pagination: pass nextCursor as cursor.")
    DealList listDeals(
            @RequestParam(required = false) DealStatus status,
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(DealQuery.MAX_LIMIT) int limit) {
        DealPage page =
                deals.search(new DealQuery(status, partnerId == null ? null : new PartnerId(partnerId), cursor, limit));
        Instant now = clock.instant();
        return new DealList(
                page.deals().stream().map(d -> DealResponse.of(d, null, now)).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "One registration, with the conflicts found when it was written and its sourcing evidence")
    DealResponse getDeal(@PathVariable UUID id) {
        return full(deals.get(id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Approve a pending registration",
            description = "Grants the programme's protection period; 409 while another approved registration"
                    + " protects the same domain.")
    DealResponse approveDeal(@PathVariable UUID id) {
        return full(deals.approve(id));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Reject a pending registration with a reason")
    DealResponse rejectDeal(@PathVariable UUID id, @RequestBody DealReasonRequest request) {
        return full(deals.reject(id, request.reason()));
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Move an approved deal to QUALIFICATION, PROPOSAL or NEGOTIATION")
    DealResponse setDealStage(@PathVariable UUID id, @RequestBody DealStageRequest request) {
        return full(deals.moveStage(id, request.stage()));
    }

    @PostMapping("/{id}/extension")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Extend an approved registration's protection",
            description = "By the programme's extension period, as often as the programme allows (409 beyond).")
    DealResponse extendDeal(@PathVariable UUID id) {
        return full(deals.extend(id));
    }

    @PostMapping("/{id}/won")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Mark an approved deal won",
            description = "amount (optional) is the final value in the deal's currency; opportunityOpenedOn (optional,"
                    + " ISO date) is when the vendor's own opportunity existed. Classifies the deal as partner-sourced"
                    + " or influenced and publishes DealWon.")
    DealResponse markDealWon(@PathVariable UUID id, @RequestBody(required = false) DealWonRequest request) {
        DealWonRequest body = request == null ? new DealWonRequest(null, null) : request;
        return full(outcomes.markWon(id, body.amount(), body.opportunityOpenedOn()));
    }

    @PostMapping("/{id}/lost")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Mark an approved deal lost, with a reason")
    DealResponse markDealLost(@PathVariable UUID id, @RequestBody DealReasonRequest request) {
        return full(outcomes.markLost(id, request.reason()));
    }

    @PostMapping("/{id}/sourcing")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Override a won deal's classification (SOURCED or INFLUENCED) with a reason")
    DealResponse setDealSourcing(@PathVariable UUID id, @RequestBody DealSourcingRequest request) {
        return full(outcomes.overrideSourcing(id, request.sourcing(), request.reason()));
    }

    private DealResponse full(DealView deal) {
        return DealResponse.of(deal, deals.conflicts(deal.id()), clock.instant());
    }
}
