package dev.canopy.comarketing;

import dev.canopy.audit.AuditLog;
import dev.canopy.comarketing.internal.MdfBudgetTable;
import dev.canopy.comarketing.internal.MdfClaimTable;
import dev.canopy.comarketing.internal.MdfInputs;
import dev.canopy.comarketing.internal.MdfPostings;
import dev.canopy.comarketing.internal.MdfRequestTable;
import dev.canopy.comarketing.internal.Ownership;
import dev.canopy.enablement.StoredFiles;
import dev.canopy.ledger.Ledger;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.PartnerScoped;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims: the partner sends what an approved activity cost, line by line with receipts, by the claim deadline; staff
 * accept, reduce or deny each line with a reason. An approved claim never exceeds what the request approved (checked
 * under the budget's lock), is posted in the ledger as MDF expense owed to the partner, and is paid once, through the
 * next payout run.
 */
@Service
public class FundClaims {

    /** A receipt's file, to send back. */
    public record Receipt(String fileName, String contentType, Resource file) {}

    static final int MAX_LINES = 50;
    private static final long MAX_RECEIPT_BYTES = 20L * 1024 * 1024;
    private static final Set<String> RECEIPT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/webp");

    private final MdfClaimTable claims;
    private final MdfRequestTable requests;
    private final MdfBudgetTable budgets;
    private final StoredFiles files;
    private final Ledger ledger;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundClaims(
            MdfClaimTable claims,
            MdfRequestTable requests,
            MdfBudgetTable budgets,
            StoredFiles files,
            Ledger ledger,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.claims = claims;
        this.requests = requests;
        this.budgets = budgets;
        this.files = files;
        this.ledger = ledger;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Staff: the workspace's claims (one status or all); a partner: its own. */
    @Transactional(readOnly = true)
    public List<FundClaimView> list(@Nullable ClaimStatus status) {
        WorkspaceId workspace = currentWorkspace.id();
        UUID partner =
                PartnerId.signedIn(currentWorkspace).map(PartnerId::value).orElse(null);
        return views(workspace, claims.list(workspace, partner, status));
    }

    @Transactional(readOnly = true)
    public FundClaimView get(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        return views(workspace, List.of(row(workspace, id))).getFirst();
    }

    /** The claim of a request that stands (waiting, approved or paid), if there is one. */
    @Transactional(readOnly = true)
    public @Nullable FundClaimView ofRequest(UUID request) {
        WorkspaceId workspace = currentWorkspace.id();
        return claims.ofRequest(workspace, request)
                .map(r -> views(workspace, List.of(r)).getFirst())
                .orElse(null);
    }

    @Transactional
    public FundClaimView submit(UUID requestId, List<ClaimLineInput> lines) {
        WorkspaceId workspace = currentWorkspace.id();
        PartnerId partner = PartnerId.signedIn(currentWorkspace)
                .orElseThrow(() -> new AccessDeniedException("Only partner users claim funds"));
        MdfRequestTable.Row request = requests.find(workspace, requestId)
                .filter(r -> r.partnerId().equals(partner.value()))
                .orElseThrow(() -> new NotFoundException("Request"));
        budgets.lock(workspace, request.budgetId());
        if (request.status() != FundRequestStatus.APPROVED) {
            throw new ConflictException(null, "Only an approved request can be claimed");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.isAfter(request.claimDueOn())) {
            throw new ConflictException(
                    null, "The claim was due by " + request.claimDueOn() + ": ask for an extension first");
        }
        if (claims.ofRequest(workspace, requestId).isPresent()) {
            throw new ConflictException(null, "This request was claimed before");
        }
        MdfInputs in = new MdfInputs();
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            in.problem("lines", "Claim 1 to " + MAX_LINES + " lines, each with its receipt");
        }
        List<MdfClaimTable.Line> stored = new ArrayList<>();
        Money total = Money.zero(request.plannedCost().currency());
        for (int i = 0; lines != null && i < lines.size() && i < MAX_LINES; i++) {
            ClaimLineInput line = lines.get(i);
            String at = "lines[" + i + "].";
            String description = in.text(at + "description", line.description(), 300, true);
            Money amount = in.amount(at + "amount", line.amount(), total.currency());
            StoredFiles.StoredFile receipt = null;
            if (line.receipt() == null) {
                in.problem(at + "receipt", "Attach the receipt (a PDF or an image)");
            } else if (description != null && amount != null) {
                try {
                    receipt = files.store(workspace, line.receipt(), at + "receipt", RECEIPT_TYPES, MAX_RECEIPT_BYTES);
                } catch (InvalidInputException e) {
                    in.problem(at + "receipt", e.problems().getFirst().message());
                }
            }
            if (receipt != null) {
                UUID id = UUID.randomUUID();
                stored.add(new MdfClaimTable.Line(
                        id,
                        new ClaimLineView(
                                id,
                                i + 1,
                                description,
                                amount,
                                receipt.fileName(),
                                receipt.contentType(),
                                null,
                                null,
                                null),
                        receipt.key()));
                total = total.plus(amount);
            }
        }
        in.check();
        MdfClaimTable.Row row = new MdfClaimTable.Row(
                UUID.randomUUID(),
                requestId,
                partner.value(),
                ClaimStatus.SUBMITTED,
                total,
                null,
                currentWorkspace.actor().name(),
                clock.instant(),
                null,
                null,
                null,
                null);
        claims.insert(workspace, row, stored);
        FundClaimView view = get(row.id());
        audit.record("mdf.claimed", "mdf-claim", row.id(), null, view);
        moved(workspace, view);
        return view;
    }

    /**
     * Staff decide every line; the accepted total may not exceed what the request approved. Nothing accepted rejects
     * the claim (the partner may claim again by the deadline); otherwise it is approved, posted in the ledger and owed
     * through the next payout run.
     */
    @Transactional
    public FundClaimView review(UUID id, List<LineReview> reviews) {
        WorkspaceId workspace = currentWorkspace.id();
        if (currentWorkspace.principal().orElseThrow() instanceof PartnerScoped) {
            throw new AccessDeniedException("Only staff review claims");
        }
        MdfClaimTable.Row seen = row(workspace, id);
        MdfRequestTable.Row request = requests.find(workspace, seen.requestId()).orElseThrow();
        budgets.lock(workspace, request.budgetId());
        MdfClaimTable.Row claim = row(workspace, id);
        if (claim.status() != ClaimStatus.SUBMITTED) {
            throw new ConflictException(null, "This claim was reviewed before");
        }
        List<MdfClaimTable.Line> lines = claims.lines(id, claim.claimed().currencyCode());
        Map<String, LineReview> byLine = new HashMap<>();
        for (LineReview r : reviews == null ? List.<LineReview>of() : reviews) {
            byLine.put(r.lineId() == null ? "" : r.lineId().strip(), r);
        }
        MdfInputs in = new MdfInputs();
        Money accepted = Money.zero(claim.claimed().currency());
        List<Runnable> decisions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLineView line = lines.get(i).view();
            String at = "lines[" + i + "].";
            LineReview r = byLine.get(line.id().toString());
            if (r == null) {
                in.problem(at + "decision", "Decide on line " + line.position());
                continue;
            }
            LineDecision decision = in.choice(
                    at + "decision",
                    r.decision(),
                    LineDecision.class,
                    "Accept, reduce or deny line " + line.position());
            String reason =
                    in.text(at + "reason", r.reason(), 500, decision != null && decision != LineDecision.ACCEPTED);
            Money amount = null;
            if (decision == LineDecision.ACCEPTED) {
                amount = line.amount();
            } else if (decision == LineDecision.DENIED) {
                amount = Money.zero(line.amount().currency());
            } else if (decision == LineDecision.REDUCED) {
                amount = in.amount(
                        at + "acceptedAmount", r.acceptedAmount(), line.amount().currency());
                if (amount != null && amount.compareTo(line.amount()) >= 0) {
                    in.problem(at + "acceptedAmount", "Reduce it below the " + line.amount() + " claimed");
                    amount = null;
                }
            }
            if (decision != null && amount != null) {
                accepted = accepted.plus(amount);
                BigDecimal value = amount.amount();
                decisions.add(() -> claims.decideLine(line.id(), decision, value, reason));
            }
        }
        if (!in.has("lines") && accepted.compareTo(request.approvedAmount()) > 0) {
            in.problem(
                    "lines",
                    "The accepted " + accepted + " is more than the " + request.approvedAmount() + " approved for "
                            + request.reference() + ": reduce a line");
        }
        in.check();
        decisions.forEach(Runnable::run);
        Instant now = clock.instant();
        String by = currentWorkspace.actor().name();
        boolean approved = accepted.amount().signum() > 0;
        if (!claims.review(
                workspace,
                id,
                approved ? ClaimStatus.APPROVED : ClaimStatus.REJECTED,
                approved ? accepted.amount() : null,
                by,
                now)) {
            throw new ConflictException(null, "This claim was reviewed before");
        }
        if (approved) {
            ledger.post(
                    workspace,
                    MdfPostings.approved(id, request.reference(), new PartnerId(claim.partnerId()), accepted, now));
        }
        FundClaimView view = get(id);
        audit.record(approved ? "mdf.claim-approved" : "mdf.claim-rejected", "mdf-claim", id, null, view);
        moved(workspace, view);
        return view;
    }

    /** A line's receipt: staff any of the workspace's, a partner only its own. */
    @Transactional(readOnly = true)
    public Receipt receipt(UUID claim, UUID line) {
        WorkspaceId workspace = currentWorkspace.id();
        MdfClaimTable.Row row = row(workspace, claim);
        MdfClaimTable.Line found = claims.lines(claim, row.claimed().currencyCode()).stream()
                .filter(l -> l.id().equals(line))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Receipt"));
        return new Receipt(found.view().receiptName(), found.view().receiptType(), files.open(found.receiptKey()));
    }

    private void moved(WorkspaceId workspace, FundClaimView c) {
        events.publishEvent(new FundClaimMoved(
                workspace,
                c.id(),
                c.requestId(),
                c.requestReference(),
                c.partnerId(),
                c.status(),
                c.claimed(),
                c.approved(),
                currentWorkspace.actor().name(),
                clock.instant()));
    }

    private MdfClaimTable.Row row(WorkspaceId workspace, UUID id) {
        MdfClaimTable.Row r = claims.find(workspace, id).orElseThrow(() -> new NotFoundException("Claim"));
        Ownership.check(currentWorkspace, r.partnerId(), "Claim");
        return r;
    }

    private List<FundClaimView> views(WorkspaceId workspace, List<MdfClaimTable.Row> rows) {
        Map<PartnerId, String> names =
                partners
                        .byIds(rows.stream()
                                .map(r -> new PartnerId(r.partnerId()))
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name));
        return rows.stream()
                .map(r -> new FundClaimView(
                        r.id(),
                        r.requestId(),
                        requests.find(workspace, r.requestId())
                                .map(MdfRequestTable.Row::reference)
                                .orElse(""),
                        new PartnerId(r.partnerId()),
                        names.getOrDefault(new PartnerId(r.partnerId()), "A removed partner"),
                        r.status(),
                        r.claimed(),
                        r.approved(),
                        claims.lines(r.id(), r.claimed().currencyCode()).stream()
                                .map(MdfClaimTable.Line::view)
                                .toList(),
                        r.submittedBy(),
                        r.submittedAt(),
                        r.reviewedBy(),
                        r.reviewedAt(),
                        r.payoutRunId(),
                        r.paidAt()))
                .toList();
    }
}
