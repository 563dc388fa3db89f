package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutFiles;
import dev.canopy.payouts.PayoutLineView;
import dev.canopy.payouts.PayoutRunPayments;
import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import dev.canopy.payouts.PayoutRuns;
import dev.canopy.payouts.Reconciliation;
import dev.canopy.payouts.ReconciliationLine;
import dev.canopy.platform.Pages;
import dev.canopy.shared.Money;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payout runs for finance's own tools: the same phases as the console, the same checks. */
@RestController
@Tag(
        name = "Payouts",
        description = "Payout runs (preview, start, approve, export, mark paid), their payment files, and the"
                + " reconciliation of the ledger per partner and currency")
class PayoutRunsApi {

    record PayoutRunResponse(
            String id,
            String reference,
            @Nullable String period,
            Instant cutoff,
            PayoutRunStatus status,
            boolean needsSecondApproval,
            String createdBy,
            Instant createdAt,
            @Nullable String firstApprovedBy,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt,
            @Nullable Instant exportedAt,
            @Nullable String paidBy,
            @Nullable Instant paidAt,
            List<Money> totals,
            int payableLines,
            int carriedLines) {

        static PayoutRunResponse of(PayoutRunView r) {
            return new PayoutRunResponse(
                    r.id().toString(),
                    r.reference(),
                    r.period(),
                    r.cutoff(),
                    r.status(),
                    r.needsSecondApproval(),
                    r.createdBy().name(),
                    r.createdAt(),
                    r.firstApprovedBy(),
                    r.approvedBy(),
                    r.approvedAt(),
                    r.exportedAt(),
                    r.paidBy(),
                    r.paidAt(),
                    r.totals(),
                    r.payableLines(),
                    r.carriedLines());
        }
    }

    /**
     * gross + gst − tds + reimbursed = net, in the currency earned; {@code paid} is net in the currency paid in.
     * Tax is on the commissions (gross) only: {@code reimbursed} (MDF, {@code reimbursements} of them) is untaxed.
     */
    record PayoutLineResponse(
            @Nullable String id,
            @Nullable String reference,
            String partnerId,
            String partnerName,
            int commissions,
            Money gross,
            Money gst,
            Money tds,

            @Schema(description = "How many reimbursements (MDF claims) the line pays")
            int reimbursements,

            @Schema(
                    description =
                            "Reimbursements (MDF) paid with the line, untaxed: net = gross + gst - tds + reimbursed")
            Money reimbursed,

            Money net,
            Money paid,
            @Nullable String exchangeRate,
            @Nullable LocalDate exchangeRateOn,
            boolean payable,
            @Nullable String carriedReason,
            List<String> taxNotes) {

        static PayoutLineResponse of(PayoutLineView l) {
            return new PayoutLineResponse(
                    l.id() == null ? null : l.id().toString(),
                    l.reference(),
                    l.partner().toString(),
                    l.partnerName(),
                    l.commissions(),
                    l.gross(),
                    l.gst(),
                    l.tds(),
                    l.reimbursements(),
                    l.reimbursed(),
                    l.net(),
                    l.paid(),
                    l.conversion() == null
                            ? null
                            : l.conversion().rate().stripTrailingZeros().toPlainString(),
                    l.conversion() == null ? null : l.conversion().rateOn(),
                    l.payable(),
                    l.carriedReason(),
                    l.taxNotes());
        }
    }

    record PayoutFileResponse(
            @Schema(description = "The payment file's format, such as bank, paypal or wise: new formats may come")
            String format,

            String label,
            String currency,
            int payments,
            Money total,
            String href) {}

    record PayoutRunDetail(PayoutRunResponse run, List<PayoutLineResponse> lines, List<PayoutFileResponse> files) {}

    record ReconciliationResponse(
            String partnerId,
            String partnerName,
            String currency,
            Money earned,

            @Schema(description = "Reimbursements (MDF) approved; paid includes those paid out")
            Money reimbursed,

            Money reversed,
            Money clawedBack,
            Money declined,
            Money paid,
            Money taxWithheld,
            Money gstAdded,
            Money balance,
            boolean reconciles) {

        static ReconciliationResponse of(ReconciliationLine l) {
            return new ReconciliationResponse(
                    l.partner().toString(),
                    l.partnerName(),
                    l.currency(),
                    l.earned(),
                    l.reimbursed(),
                    l.reversed(),
                    l.clawedBack(),
                    l.declined(),
                    l.paid(),
                    l.taxWithheld(),
                    l.gstAdded(),
                    l.balance(),
                    l.reconciles());
        }
    }

    record PayoutRunList(
            List<PayoutRunResponse> data, @Nullable String nextCursor) {}

    record PayoutPreview(
            List<PayoutLineResponse> data, @Nullable String nextCursor) {}

    record ReconciliationList(
            List<ReconciliationResponse> data, @Nullable String nextCursor) {}

    private final PayoutRuns runs;
    private final PayoutRunPayments payments;
    private final PayoutFiles files;
    private final Reconciliation reconciliation;

    PayoutRunsApi(PayoutRuns runs, PayoutRunPayments payments, PayoutFiles files, Reconciliation reconciliation) {
        this.runs = runs;
        this.payments = payments;
        this.files = files;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/v1/payout-runs")
    @PreAuthorize("hasAuthority('payouts:read')")
    @Operation(summary = "Payout runs, newest first")
    PayoutRunList listPayoutRuns(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<PayoutRunResponse> page = Pages.of(
                runs.list().stream().map(PayoutRunResponse::of).toList(), PayoutRunResponse::id, cursor, limit);
        return new PayoutRunList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/payout-runs/preview")
    @PreAuthorize("hasAuthority('payouts:read')")
    @Operation(
            summary = "What a run started now would pay",
            description = "Approved commissions per partner and currency with their tax; lines under the"
                    + " programme's minimum, or without an exchange rate, are carried with the reason.")
    PayoutPreview previewPayoutRun(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<PayoutLineResponse> page = Pages.of(
                runs.preview().stream().map(PayoutLineResponse::of).toList(),
                l -> l.partnerId() + "/" + l.gross().currencyCode(),
                cursor,
                limit);
        return new PayoutPreview(page.items(), page.nextCursor());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/payout-runs")
    @PreAuthorize("hasAuthority('payouts:write')")
    @Operation(
            summary = "Start a run of the commissions approved until now",
            description = "One open run per workspace: 409 while another is not paid yet. Answers the run with"
                    + " its lines, awaiting approval.")
    ResponseEntity<PayoutRunDetail> startPayoutRun() {
        PayoutRunDetail started = detail(runs.start());
        return ResponseEntity.created(
                        URI.create("/api/v1/payout-runs/" + started.run().id()))
                .body(started);
    }

    @GetMapping("/api/v1/payout-runs/{id}")
    @PreAuthorize("hasAuthority('payouts:read')")
    @Operation(summary = "One run with its lines and, once exported, its payment files")
    PayoutRunDetail getPayoutRun(@PathVariable UUID id) {
        return detail(runs.get(id));
    }

    @PostMapping("/api/v1/payout-runs/{id}/approve")
    @PreAuthorize("hasAuthority('payouts:write')")
    @Operation(
            summary = "Approve a run",
            description = "A run above the workspace's threshold needs two people signed in to the console:"
                    + " an API key cannot approve it (409).")
    PayoutRunResponse approvePayoutRun(@PathVariable UUID id) {
        return PayoutRunResponse.of(runs.approve(id));
    }

    @PostMapping("/api/v1/payout-runs/{id}/export")
    @PreAuthorize("hasAuthority('payouts:write')")
    @Operation(
            summary = "Export an approved run",
            description = "Hands the payable lines to the payment provider under the batch id canopy-<run id>"
                    + " and moves them to the clearing account; a repeated call changes nothing.")
    PayoutRunResponse exportPayoutRun(@PathVariable UUID id) {
        return PayoutRunResponse.of(payments.export(id));
    }

    @PostMapping("/api/v1/payout-runs/{id}/mark-paid")
    @PreAuthorize("hasAuthority('payouts:write')")
    @Operation(summary = "Mark an exported run paid once the bank has paid it; a repeated call changes nothing")
    PayoutRunResponse markPayoutRunPaid(@PathVariable UUID id) {
        return PayoutRunResponse.of(payments.markPaid(id));
    }

    @GetMapping(path = "/api/v1/payout-runs/{id}/files/{format}/{currency}", produces = "text/csv")
    @PreAuthorize("hasAuthority('payouts:read')")
    @Operation(
            summary = "A payment file of an exported run",
            description = "format: bank, paypal or wise; one file per currency paid in.")
    ResponseEntity<byte[]> getPayoutFile(
            @PathVariable UUID id, @PathVariable String format, @PathVariable String currency) {
        return Downloads.of(files.file(id, format, currency));
    }

    @GetMapping("/api/v1/reconciliation")
    @PreAuthorize("hasAuthority('payouts:read')")
    @Operation(
            summary = "The ledger per partner and currency",
            description = "earned − reversed − clawed back − paid − tax withheld = balance; reconciles says the"
                    + " figures and the ledger's balance agree.")
    ReconciliationList getReconciliation(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<ReconciliationResponse> page = Pages.of(
                reconciliation.report().stream().map(ReconciliationResponse::of).toList(),
                r -> r.partnerId() + "/" + r.currency(),
                cursor,
                limit);
        return new ReconciliationList(page.items(), page.nextCursor());
    }

    private PayoutRunDetail detail(PayoutRunView run) {
        boolean exported = run.status() == PayoutRunStatus.EXPORTED || run.status() == PayoutRunStatus.PAID;
        return new PayoutRunDetail(
                PayoutRunResponse.of(run),
                runs.lines(run.id()).stream().map(PayoutLineResponse::of).toList(),
                exported
                        ? files.offers(run.id()).stream()
                                .map(o -> new PayoutFileResponse(
                                        o.format(),
                                        o.label(),
                                        o.currency(),
                                        o.payments(),
                                        o.total(),
                                        "/api/v1/payout-runs/" + run.id() + "/files/" + o.format() + "/"
                                                + o.currency()))
                                .toList()
                        : List.of());
    }
}
