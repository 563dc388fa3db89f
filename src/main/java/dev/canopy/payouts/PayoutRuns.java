package dev.canopy.payouts;

import dev.canopy.partners.PartnerId;
import dev.canopy.partners.Partners;
import dev.canopy.payouts.internal.PayoutLineTable;
import dev.canopy.payouts.internal.PayoutSettingsTable;
import dev.canopy.payouts.internal.RunClaims;
import dev.canopy.payouts.internal.RunLifecycle;
import dev.canopy.payouts.internal.RunLines;
import dev.canopy.payouts.internal.RunMoves;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payout runs, phase by phase. The run row (id and reference) is committed before anything else happens;
 * then each phase locks it, checks its status and does its whole work in one transaction, so a crash
 * anywhere leaves the run in a phase the next attempt continues from. Here the run is started, claims what it pays
 * (phase 1) and is approved (phase 2); {@link PayoutRunPayments} exports and pays it (phases 3 and 4).
 */
@Service
public class PayoutRuns {

    private static final Logger log = LoggerFactory.getLogger(PayoutRuns.class);

    private final RunTable runs;
    private final PayoutLineTable lines;
    private final PayoutSettingsTable settings;
    private final RunLines runLines;
    private final RunClaims claims;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;
    private final RunMoves moves;
    private final TransactionTemplate tx;
    private final Clock clock;

    PayoutRuns(
            RunTable runs,
            PayoutLineTable lines,
            PayoutSettingsTable settings,
            RunLines runLines,
            RunClaims claims,
            Partners partners,
            CurrentWorkspace currentWorkspace,
            RunMoves moves,
            TransactionTemplate tx,
            Clock clock) {
        this.runs = runs;
        this.lines = lines;
        this.settings = settings;
        this.runLines = runLines;
        this.claims = claims;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
        this.moves = moves;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a run started now would pay, per partner and currency, with nothing claimed. */
    public List<PayoutLineView> preview() {
        WorkspaceId workspace = currentWorkspace.id();
        Instant now = clock.instant();
        return tx.execute(status -> {
            List<PayoutLineTable.NewLine> lines =
                    runLines.of(workspace, null, claims.preview(workspace, now), now, now);
            Function<PartnerId, String> names =
                    names(lines.stream().map(PayoutLineTable.NewLine::partner).toList());
            return lines.stream()
                    .map(l -> new PayoutLineView(
                            null,
                            null,
                            null,
                            l.partner(),
                            names.apply(l.partner()),
                            l.commissions(),
                            l.gross(),
                            l.gst(),
                            l.tds(),
                            l.reimbursements(),
                            l.reimbursed(),
                            l.net(),
                            l.conversion(),
                            l.payable(),
                            l.carriedReason(),
                            l.taxNotes()))
                    .toList();
        });
    }

    /**
     * Starts a run of every approved commission now, or continues the open run if there is one (a run
     * cut short is never started twice). The person starting a run above the threshold is its first approver.
     */
    public PayoutRunView start() {
        WorkspaceId workspace = currentWorkspace.id();
        Actor by = currentWorkspace.actor();
        Instant now = clock.instant();
        if (runs.open(workspace).isEmpty()) {
            List<PayoutLineView> due = preview();
            // Nothing left may mean another person's run claimed it meanwhile: then that run is the answer.
            if (due.stream().noneMatch(PayoutLineView::payable)
                    && runs.open(workspace).isEmpty()) {
                throw new ConflictException(null, nothingToPay(due));
            }
        }
        UUID id = UUID.randomUUID();
        boolean created = Boolean.TRUE.equals(tx.execute(s -> runs.insert(workspace, id, null, now, by, now)));
        PayoutRunView open = runs.open(workspace).orElseThrow();
        if (!created && open.status() != PayoutRunStatus.CLAIMING) {
            throw new ConflictException(
                    null,
                    open.reference() + " is still open: finish it ("
                            + open.status().label() + ") before starting another");
        }
        PayoutRunView run = claim(workspace, open.id());
        if (created) {
            moves.audited("payouts.run-started", run, null);
            moves.published(new PayoutRunMoved(
                    workspace, new PayoutRunId(run.id()), run.reference(), run.status(), by.name(), now));
        }
        return run;
    }

    private static String nothingToPay(List<PayoutLineView> preview) {
        if (preview.isEmpty()) {
            return "Nothing to pay: no approved commission or reimbursement is waiting for a payout";
        }
        return "Nothing to pay: " + preview.size() + (preview.size() == 1 ? " partner is" : " partners are")
                + " carried to a later run (" + preview.getFirst().carriedReason() + ")";
    }

    /** The scheduled run of a month: one per workspace and period, however many nodes try at once. */
    public Optional<PayoutRunView> startScheduled(WorkspaceId workspace, String period, Instant cutoff) {
        Instant now = clock.instant();
        boolean created = Boolean.TRUE.equals(
                tx.execute(s -> runs.insert(workspace, UUID.randomUUID(), period, cutoff, Actor.system(), now)));
        Optional<PayoutRunView> run = runs.byPeriod(workspace, period).map(r -> claim(workspace, r.id()));
        if (created) {
            run.ifPresent(r -> {
                moves.audited("payouts.run-started", r, null);
                moves.published(new PayoutRunMoved(
                        workspace, new PayoutRunId(r.id()), r.reference(), r.status(), "Canopy", now));
                log.info(
                        "Started scheduled payout run {} of {} in workspace {}",
                        r.reference(),
                        period,
                        workspace.value());
            });
        } else {
            log.debug("The payout run of {} in workspace {} was started before", period, workspace.value());
        }
        return run;
    }

    /**
     * Phase 1: claim the approved commissions and reimbursements, compute each partner's line with its tax and, for a
     * partner paid in its own currency, the rate it is converted at (locked on the line: a run continued later keeps
     * it); carry the small ones and those without a rate, giving back what they claimed.
     */
    PayoutRunView claim(WorkspaceId workspace, UUID id) {
        return tx.execute(status -> {
            PayoutRunView run = runs.lock(workspace, id).orElseThrow(() -> new NotFoundException("Payout run"));
            if (!RunLifecycle.CLAIMED.allows(run.status())) {
                return run;
            }
            Instant now = clock.instant();
            claims.claim(workspace, run.id(), run.cutoff());
            List<PayoutLineTable.NewLine> lines =
                    runLines.of(workspace, run.id(), claims.due(workspace, run.id()), now, run.cutoff());
            for (PayoutLineTable.NewLine line : lines) {
                if (!line.payable()) {
                    claims.release(
                            workspace, run.id(), line.partner(), line.gross().currencyCode());
                }
            }
            this.lines.insertLines(workspace, run, lines);
            if (lines.stream().noneMatch(PayoutLineTable.NewLine::payable)) {
                // Nothing to approve, export or pay: closed at once, so it blocks no later run.
                runs.claimed(workspace, run.id(), RunLifecycle.NOTHING_CLAIMED, false);
                return runs.get(workspace, run.id()).orElseThrow();
            }
            Money threshold = settings.get(workspace).secondApprovalAbove();
            boolean second = lines.stream()
                            .filter(PayoutLineTable.NewLine::payable)
                            .anyMatch(l -> !l.net().currency().equals(threshold.currency())
                                    || l.net().compareTo(threshold) > 0)
                    || total(lines, threshold).compareTo(threshold) > 0;
            runs.claimed(workspace, run.id(), RunLifecycle.CLAIMED, second);
            if (second
                    && run.period() == null
                    && run.createdBy().kind() == Actor.Kind.USER
                    && !settings.get(workspace).separateDuties()) {
                runs.firstApproval(workspace, run.id(), run.createdBy(), now);
            }
            return runs.get(workspace, run.id()).orElseThrow();
        });
    }

    private static Money total(List<PayoutLineTable.NewLine> lines, Money threshold) {
        return lines.stream()
                .filter(PayoutLineTable.NewLine::payable)
                .map(PayoutLineTable.NewLine::net)
                .filter(m -> m.currency().equals(threshold.currency()))
                .reduce(Money.zero(threshold.currency()), Money::plus);
    }

    /**
     * Phase 2: approval. Above the threshold two different people approve (the one who started an
     * on-demand run counts as the first); two approving at once are serialized by the run's lock.
     */
    public PayoutRunView approve(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        Actor by = currentWorkspace.actor();
        PayoutRunView result = tx.execute(status -> {
            PayoutRunView run = runs.lock(workspace, id).orElseThrow(() -> new NotFoundException("Payout run"));
            if (!RunLifecycle.APPROVE.allows(run.status())) {
                throw new ConflictException(
                        null,
                        run.reference() + " is " + run.status().label().toLowerCase() + ", not awaiting approval");
            }
            if (run.needsSecondApproval() && by.kind() != Actor.Kind.USER) {
                throw new ConflictException(
                        null,
                        run.reference() + " is above the approval threshold: two people approve it in the console,"
                                + " not an API key");
            }
            if (settings.get(workspace).separateDuties() && run.startedBy(by)) {
                throw new ConflictException(
                        null,
                        by.name() + " started " + run.reference()
                                + ": with separation of duties someone else approves it (payout settings)");
            }
            Instant now = clock.instant();
            if (run.needsSecondApproval() && run.firstApprovedBy() == null) {
                runs.firstApproval(workspace, id, by, now);
            } else if (run.needsSecondApproval() && run.firstApprovedById().equals(by.id())) {
                throw new ConflictException(
                        null,
                        run.reference() + " is above the approval threshold: someone other than " + by.name()
                                + " must approve it too");
            } else {
                runs.approved(workspace, id, by, now);
            }
            return runs.get(workspace, id).orElseThrow();
        });
        moves.audited("payouts.run-approved", result, null);
        if (result.status() == PayoutRunStatus.APPROVED) {
            moves.published(new PayoutRunMoved(
                    workspace, new PayoutRunId(id), result.reference(), result.status(), by.name(), clock.instant()));
        }
        return result;
    }

    /** Continues a run cut short in its first phase; later phases wait for a person. */
    public PayoutRunView resume(UUID id) {
        return claim(currentWorkspace.id(), id);
    }

    public List<PayoutRunView> list() {
        return runs.list(currentWorkspace.id());
    }

    public PayoutRunView get(UUID id) {
        return runs.get(currentWorkspace.id(), id).orElseThrow(() -> new NotFoundException("Payout run"));
    }

    public List<PayoutLineView> lines(UUID run) {
        WorkspaceId workspace = currentWorkspace.id();
        return lines.lines(workspace, run, names(lines.partnersIn(workspace, run)));
    }

    private Function<PartnerId, String> names(List<PartnerId> ids) {
        Map<PartnerId, String> names = new HashMap<>();
        partners.byIds(ids).forEach(p -> names.put(p.id(), p.name()));
        return id -> names.getOrDefault(id, id.toString());
    }
}
