package dev.canopy.comarketing.web;

import dev.canopy.comarketing.AllocationInput;
import dev.canopy.comarketing.AllocationView;
import dev.canopy.comarketing.BudgetInput;
import dev.canopy.comarketing.BudgetView;
import dev.canopy.comarketing.FundBalance;
import dev.canopy.comarketing.Funds;
import dev.canopy.platform.Pages;
import dev.canopy.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Market development funds through the API, the money side: budgets per programme and period, their allocations to
 * partners or tiers, and each partner's balance. Requests, claims and returns: {@link MdfActivityApi}.
 */
@RestController
@RequestMapping("/api/v1/mdf")
@Tag(
        name = "Market development funds",
        description = "Budgets per programme and period, allocated to partners or tiers (an amount, or an accrual on"
                + " attributed revenue with a cap); requests approved within the allocation and the budget (two people"
                + " above the budget's threshold); claims with receipts, reviewed line by line, reimbursed through the"
                + " next payout run.")
class MdfBudgetApi {

    record BudgetRequest(
            String programId,
            String name,

            @Schema(format = "date", description = "First day of the period")
            String startsOn,

            @Schema(format = "date", description = "Last day of the period: nothing can be requested after it")
            String endsOn,

            @Schema(description = "ISO 4217 code") String currency,

            @Schema(description = "Decimal string, never finer than the currency's minor unit")
            String amount,

            @Schema(description = "Days after an activity ends that its claim is due; 30 when left out") @Nullable
            Integer claimDays,

            @Schema(description = "Requests above this amount need a second approver") @Nullable
            String secondApprovalAbove) {

        BudgetInput input() {
            return new BudgetInput(
                    programId,
                    name,
                    startsOn,
                    endsOn,
                    currency,
                    amount,
                    claimDays == null ? null : claimDays.toString(),
                    secondApprovalAbove);
        }
    }

    record AllocationRequest(
            @Schema(description = "A partner of the budget's programme; or give tierId") @Nullable
            String partnerId,

            @Schema(description = "Each partner holding this tier of the programme; or give partnerId") @Nullable
            String tierId,

            @Schema(description = "The amount, or an accrual's cap")
            String amount,

            @Schema(description = "An accrual: this percentage of the partner's attributed net revenue in the period")
            @Nullable
            String accrualPercent) {

        AllocationInput input() {
            return new AllocationInput(partnerId, tierId, amount, accrualPercent);
        }
    }

    record BudgetResponse(
            UUID id,
            UUID programId,
            String programName,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            Money amount,
            int claimDays,
            @Nullable Money secondApprovalAbove,

            @Schema(description = "What its approved requests hold")
            Money approved,

            @Schema(description = "Left to approve") Money remaining,

            @Schema(description = "Reimbursed through payout runs")
            Money paid,

            Instant createdAt) {

        static BudgetResponse of(BudgetView b) {
            return new BudgetResponse(
                    b.id(),
                    b.programId().value(),
                    b.programName(),
                    b.name(),
                    b.startsOn(),
                    b.endsOn(),
                    b.amount(),
                    b.claimDays(),
                    b.secondApprovalAbove(),
                    b.approved(),
                    b.remaining(),
                    b.paid(),
                    b.createdAt());
        }
    }

    record AllocationResponse(
            UUID id,
            UUID budgetId,
            @Nullable UUID partnerId,
            @Nullable UUID tierId,

            @Schema(description = "The partner's name, or which tier's partners")
            String recipient,

            @Schema(description = "The amount, or an accrual's cap")
            Money amount,

            @Nullable BigDecimal accrualPercent) {

        static AllocationResponse of(AllocationView a) {
            return new AllocationResponse(
                    a.id(),
                    a.budgetId(),
                    a.partnerId() == null ? null : a.partnerId().value(),
                    a.tierId(),
                    a.recipient(),
                    a.amount(),
                    a.accrualPercent());
        }
    }

    record BalanceResponse(
            UUID budgetId,
            UUID partnerId,
            String partnerName,

            @Schema(description = "Accruals as earned so far")
            Money allocated,

            @Schema(description = "Held by requests waiting for approval")
            Money requested,

            Money approved,
            Money claimed,
            Money paid,

            @Schema(description = "Allocated less approved and requested, never below zero")
            Money available) {

        static BalanceResponse of(FundBalance b) {
            return new BalanceResponse(
                    b.budgetId(),
                    b.partnerId().value(),
                    b.partnerName(),
                    b.allocated(),
                    b.requested(),
                    b.approved(),
                    b.claimed(),
                    b.paid(),
                    b.available());
        }
    }

    record BudgetList(List<BudgetResponse> data, @Nullable String nextCursor) {}

    record AllocationList(
            List<AllocationResponse> data, @Nullable String nextCursor) {}

    record BalanceList(List<BalanceResponse> data, @Nullable String nextCursor) {}

    private final Funds funds;

    MdfBudgetApi(Funds funds) {
        this.funds = funds;
    }

    @GetMapping("/budgets")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "List MDF budgets", description = "Newest period first.")
    BudgetList listBudgets(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<BudgetResponse> page =
                page(funds.list().stream().map(BudgetResponse::of).toList(), BudgetResponse::id, cursor, limit);
        return new BudgetList(page.items(), page.nextCursor());
    }

    @PostMapping("/budgets")
    @PreAuthorize("hasAuthority('mdf:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an MDF budget")
    ResponseEntity<BudgetResponse> createBudget(@RequestBody BudgetRequest request) {
        BudgetView created = funds.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/mdf/budgets/" + created.id()))
                .body(BudgetResponse.of(created));
    }

    @GetMapping("/budgets/{id}")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "Get an MDF budget")
    BudgetResponse getBudget(@PathVariable UUID id) {
        return BudgetResponse.of(funds.get(id));
    }

    @GetMapping("/budgets/{id}/allocations")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(summary = "List a budget's allocations")
    AllocationList listAllocations(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<AllocationResponse> page = page(
                funds.allocations(id).stream().map(AllocationResponse::of).toList(),
                AllocationResponse::id,
                cursor,
                limit);
        return new AllocationList(page.items(), page.nextCursor());
    }

    @PostMapping("/budgets/{id}/allocations")
    @PreAuthorize("hasAuthority('mdf:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Allocate part of a budget",
            description = "To a named partner of the budget's programme, or to each partner of one of its tiers. One"
                    + " allocation per partner or tier and budget: a second is a conflict.")
    ResponseEntity<AllocationResponse> allocate(@PathVariable UUID id, @RequestBody AllocationRequest request) {
        AllocationView created = funds.allocate(id, request.input());
        return ResponseEntity.created(URI.create("/api/v1/mdf/budgets/" + id + "/allocations"))
                .body(AllocationResponse.of(created));
    }

    @DeleteMapping("/allocations/{id}")
    @PreAuthorize("hasAuthority('mdf:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Remove an allocation",
            description = "What was approved under it stays approved; nothing more can be requested under it.")
    void removeAllocation(@PathVariable UUID id) {
        funds.removeAllocation(id);
    }

    @GetMapping("/budgets/{id}/balances")
    @PreAuthorize("hasAuthority('mdf:read')")
    @Operation(
            summary = "Partners' balances in a budget",
            description = "Allocated (accruals as earned so far), requested, approved, claimed, paid and available, for"
                    + " every partner the budget allocates to.")
    BalanceList listBalances(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<BalanceResponse> page = page(
                funds.balances(id).stream().map(BalanceResponse::of).toList(),
                BalanceResponse::partnerId,
                cursor,
                limit);
        return new BalanceList(page.items(), page.nextCursor());
    }

    /** Lists are small (per workspace or budget) and ordered by the service; a cursor is the last id seen. */
    static <T> Pages.Page<T> page(List<T> all, Function<T, UUID> id, @Nullable String cursor, int limit) {
        return Pages.of(all, t -> id.apply(t).toString(), cursor, limit);
    }
}
