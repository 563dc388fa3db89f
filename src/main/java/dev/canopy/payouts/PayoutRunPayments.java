package dev.canopy.payouts;

import dev.canopy.ledger.Account;
import dev.canopy.ledger.Ledger;
import dev.canopy.ledger.LedgerEntry;
import dev.canopy.ledger.Leg;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.internal.PaymentProvider;
import dev.canopy.payouts.internal.PayoutSettingsTable;
import dev.canopy.payouts.internal.ProfileTable;
import dev.canopy.payouts.internal.RunClaims;
import dev.canopy.payouts.internal.RunLifecycle;
import dev.canopy.payouts.internal.RunMoves;
import dev.canopy.payouts.internal.RunTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.Actor;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.NotFoundException;
import dev.canopy.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The phases of a payout run in which the money leaves: the payment file or provider batch, posted to the ledger
 * (phase 3), and the bank's confirmation (phase 4). Each locks the run and does its whole work in one transaction,
 * as {@link PayoutRuns}' phases do, so a run cut short anywhere is continued and never pays twice.
 */
@Service
public class PayoutRunPayments {

    private final PayoutRuns payoutRuns;
    private final RunTable runs;
    private final ProfileTable profiles;
    private final PayoutSettingsTable settings;
    private final RunClaims claims;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final CurrentWorkspace currentWorkspace;
    private final RunMoves moves;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayoutRunPayments(
            PayoutRuns payoutRuns,
            RunTable runs,
            ProfileTable profiles,
            PayoutSettingsTable settings,
            RunClaims claims,
            Ledger ledger,
            List<PaymentProvider> providers,
            @Value("${canopy.payouts.provider:export-only}") String providerId,
            CurrentWorkspace currentWorkspace,
            RunMoves moves,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.payoutRuns = payoutRuns;
        this.runs = runs;
        this.profiles = profiles;
        this.settings = settings;
        this.claims = claims;
        this.ledger = ledger;
        this.provider = providers.stream()
                .filter(p -> p.id().equals(providerId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment provider " + providerId));
        this.currentWorkspace = currentWorkspace;
        this.moves = moves;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Phase 3: hand the payable lines to the provider under the run's batch id, then post each line to
     * the ledger (owed → clearing, tax withheld, GST added) in the currency earned, whatever it is paid in.
     * Run again after a crash, it re-sends the same batch and posts nothing twice.
     */
    public PayoutRunView export(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        PayoutRunView run = runs.get(workspace, id).orElseThrow(() -> new NotFoundException("Payout run"));
        if (run.status() == PayoutRunStatus.EXPORTED || run.status() == PayoutRunStatus.PAID) {
            return run;
        }
        if (!RunLifecycle.EXPORT.allows(run.status())) {
            throw new ConflictException(null, run.reference() + " must be approved before it is exported");
        }
        List<PayoutLineView> payable =
                payoutRuns.lines(id).stream().filter(PayoutLineView::payable).toList();
        requirePayoutDetails(workspace, run, payable);
        String batchId = "canopy-" + run.id();
        tx.execute(s -> runs.recordProviderCall(batchId, run.id(), provider.id(), clock.instant()));
        String answer = provider.submit(batchId, run, payable);
        PayoutRunView done = tx.execute(status -> {
            PayoutRunView locked = runs.lock(workspace, id).orElseThrow();
            if (!RunLifecycle.EXPORT.allows(locked.status())) {
                return locked;
            }
            Instant now = clock.instant();
            ledger.post(
                    workspace,
                    payable.stream().map(l -> paidOut(locked, l, now)).toList());
            runs.providerAnswered(batchId, answer);
            runs.exported(workspace, id, now);
            return runs.get(workspace, id).orElseThrow();
        });
        moves.audited("payouts.run-exported", done, answer);
        moves.published(new PayoutRunMoved(
                workspace,
                new PayoutRunId(id),
                done.reference(),
                done.status(),
                currentWorkspace.actor().name(),
                clock.instant()));
        return done;
    }

    /**
     * Exporting moves each line's money to the clearing account, so every payable partner must be payable:
     * a line without payout details would be in no payment file, and owed nowhere.
     */
    private void requirePayoutDetails(WorkspaceId workspace, PayoutRunView run, List<PayoutLineView> payable) {
        Set<PartnerId> known =
                profiles
                        .payouts(
                                workspace,
                                payable.stream().map(PayoutLineView::partner).toList())
                        .stream()
                        .map(PayoutProfile::partner)
                        .collect(Collectors.toSet());
        List<String> missing = payable.stream()
                .filter(l -> !known.contains(l.partner()))
                .map(PayoutLineView::partnerName)
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            throw new ConflictException(
                    null,
                    run.reference() + " cannot be exported yet: " + String.join(", ", missing)
                            + (missing.size() == 1 ? " has" : " have")
                            + " no payout details. Ask them to add their details in the partner portal, then export.");
        }
    }

    /** Phase 4: the bank or provider confirmed: commissions and reimbursements are paid and the money has left. */
    public PayoutRunView markPaid(UUID id) {
        WorkspaceId workspace = currentWorkspace.id();
        Actor actor = currentWorkspace.actor();
        String by = actor.name();
        PayoutRunView done = tx.execute(status -> {
            PayoutRunView run = runs.lock(workspace, id).orElseThrow(() -> new NotFoundException("Payout run"));
            if (run.status() == PayoutRunStatus.PAID) {
                return run;
            }
            if (!RunLifecycle.PAY.allows(run.status())) {
                throw new ConflictException(null, run.reference() + " must be exported before it is marked paid");
            }
            if (settings.get(workspace).separateDuties()
                    && (run.startedBy(actor)
                            || actor.id().equals(run.firstApprovedById())
                            || runs.approvedById(workspace, id)
                                    .filter(actor.id()::equals)
                                    .isPresent())) {
                throw new ConflictException(
                        null,
                        by + " started or approved " + run.reference()
                                + ": with separation of duties someone else marks it paid (payout settings)");
            }
            Instant now = clock.instant();
            List<LedgerEntry> entries = new ArrayList<>();
            for (PayoutLineView l : payoutRuns.lines(id)) {
                if (l.payable()) {
                    events.publishEvent(new PayoutLinePaid(
                            workspace,
                            new PayoutRunId(id),
                            l.id(),
                            l.reference(),
                            l.partner(),
                            l.gross(),
                            l.reimbursed(),
                            l.net(),
                            l.paid(),
                            now));
                }
                if (l.payable() && !l.net().isZero()) {
                    entries.add(new LedgerEntry(
                            "payout-settled:" + l.id(),
                            "settled",
                            "Payment " + l.reference() + " settled",
                            now,
                            List.of(
                                    Leg.debit(Account.PAYOUT_CLEARING, l.partner(), l.net(), l.id()),
                                    Leg.credit(Account.CASH, l.partner(), l.net(), l.id()))));
                }
            }
            ledger.post(workspace, entries);
            claims.markPaid(workspace, id);
            runs.paid(workspace, id, by, now);
            events.publishEvent(
                    new PayoutRunMoved(workspace, new PayoutRunId(id), run.reference(), PayoutRunStatus.PAID, by, now));
            return runs.get(workspace, id).orElseThrow();
        });
        moves.audited("payouts.run-paid", done, null);
        return done;
    }

    /** Reimbursements were owed on PARTNER_PAYABLE since their approval: paid out from it with the commissions. */
    static LedgerEntry paidOut(PayoutRunView run, PayoutLineView l, Instant now) {
        List<Leg> legs = new ArrayList<>();
        legs.add(Leg.debit(Account.PARTNER_PAYABLE, l.partner(), l.gross().plus(l.reimbursed()), l.id()));
        legs.add(Leg.debit(Account.GST_INPUT, l.partner(), l.gst(), l.id()));
        legs.add(Leg.credit(Account.TAX_WITHHELD, l.partner(), l.tds(), l.id()));
        legs.add(Leg.credit(Account.PAYOUT_CLEARING, l.partner(), l.net(), l.id()));
        return new LedgerEntry(
                "payout:" + l.id(), "payout", "Payout " + l.reference() + " in " + run.reference(), now, legs);
    }
}
