package dev.canopy.payouts.internal;

import dev.canopy.audit.AuditLog;
import dev.canopy.payouts.PayoutRunMoved;
import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.payouts.PayoutRunView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a payout run's move leaves behind once its phase has committed: the audit entry and the event, each in a
 * transaction of its own.
 */
@Component
public class RunMoves {

    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    RunMoves(AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.audit = audit;
        this.events = events;
        this.tx = tx;
    }

    /** Published in a transaction of its own, as the audit entry beside it: its listeners hear it on commit. */
    public void published(PayoutRunMoved moved) {
        tx.executeWithoutResult(s -> events.publishEvent(moved));
    }

    /** What the audit log keeps of a run's move: its reference (the name the log shows), its status, and more. */
    private record RunState(
            String reference,
            PayoutRunStatus status,
            @Nullable String detail) {}

    /** The audit log joins a transaction; the phases' own have ended by the time they are logged. */
    public void audited(String action, PayoutRunView run, @Nullable String detail) {
        RunState state = new RunState(run.reference(), run.status(), detail);
        tx.executeWithoutResult(s -> audit.record(action, "payout-run", run.id(), null, state));
    }
}
